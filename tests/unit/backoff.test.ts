import { describe, expect, it } from "vitest";
import { backoffMs } from "@/lib/providers/chat-client";

const samples = (attempt: number, retryAfter?: number) => Array.from({ length: 2000 }, () => backoffMs(attempt, retryAfter));

describe("backoffMs", () => {
  it("stays within the exponential bound for each attempt", () => {
    for (const [attempt, bound] of [
      [1, 250],
      [2, 500],
      [3, 1000],
      [5, 4000],
    ] as const) {
      const values = samples(attempt);
      expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...values)).toBeLessThanOrEqual(bound);
    }
  });

  it("never exceeds 30 seconds however many attempts have failed", () => {
    expect(Math.max(...samples(50))).toBeLessThanOrEqual(30_000);
    expect(Math.max(...samples(1000))).toBeLessThanOrEqual(30_000);
  });

  it("is jittered rather than a fixed delay", () => {
    expect(new Set(samples(4)).size).toBeGreaterThan(100);
  });

  it("waits at least as long as Retry-After asked", () => {
    expect(Math.min(...samples(1, 5000))).toBeGreaterThanOrEqual(5000);
    expect(Math.min(...samples(10, 1500))).toBeGreaterThanOrEqual(1500);
    expect(backoffMs(1, 0)).toBeLessThanOrEqual(250);
  });
});

describe("backoffMs with a hostile Retry-After", () => {
  it("caps the wait at one minute", () => {
    expect(backoffMs(1, 3_600_000)).toBe(60_000);
    expect(backoffMs(1, Number.POSITIVE_INFINITY)).toBe(60_000);
  });
});
