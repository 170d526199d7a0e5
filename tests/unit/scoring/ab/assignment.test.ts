import { describe, expect, it } from "vitest";
import { mulberry32 } from "@/lib/benchmarks/random";
import { chooseArm, hashUnit, joinsTest } from "@/lib/scoring/ab/assignment";
import { bucketFor, cumulativeSeries, trafficShares } from "@/lib/scoring/ab/buckets";
import { sampleRatioMismatch } from "@/lib/scoring/ab/srm";

describe("arm assignment", () => {
  it("a user always gets the same arm and the same join decision for one test", () => {
    const first = chooseArm({ testKey: "t1", user: "alice" }, 3);
    for (let i = 0; i < 20; i++) expect(chooseArm({ testKey: "t1", user: "alice", random: Math.random }, 3)).toBe(first);
    const joined = joinsTest({ testKey: "t1", user: "alice" }, 0.5);
    for (let i = 0; i < 20; i++) expect(joinsTest({ testKey: "t1", user: "alice" }, 0.5)).toBe(joined);
  });

  it("hashed users spread evenly over the arms (no sample ratio mismatch on 30,000 users)", () => {
    const arms = Array.from({ length: 30000 }, (_, u) => chooseArm({ testKey: "checkout-prompt", user: `user-${u}` }, 3));
    const counts = [0, 1, 2].map((arm) => arms.filter((a) => a === arm).length);
    expect(sampleRatioMismatch(counts, [1, 1, 1]).p).toBeGreaterThan(0.001);
    expect(Math.min(...counts)).toBeGreaterThan(9500);
  });

  it("the join and arm hashes are independent: joined users are still split evenly", () => {
    const inputs = Array.from({ length: 20000 }, (_, u) => ({ testKey: "t2", user: `u${u}` })).filter((input) => joinsTest(input, 0.3));
    const counts = [0, 1].map((arm) => inputs.filter((input) => chooseArm(input, 2) === arm).length);
    const joined = inputs.length;
    // Binomial(20000, 0.3): sd = 64.8, so ±4 sd is ±260.
    expect(Math.abs(joined - 6000)).toBeLessThan(260);
    expect(sampleRatioMismatch(counts, [1, 1]).p).toBeGreaterThan(0.001);
  });

  it("without a user the draws come from the random source; a different test reshuffles users", () => {
    const random = mulberry32(3);
    const arms = Array.from({ length: 1000 }, () => chooseArm({ testKey: "t", random }, 2));
    expect(arms.filter((a) => a === 1).length).toBeGreaterThan(430);
    expect(joinsTest({ testKey: "t", random: () => 0.29 }, 0.3)).toBe(true);
    expect(joinsTest({ testKey: "t", random: () => 0.3 }, 0.3)).toBe(false);
    const same = Array.from(
      { length: 200 },
      (_, u) => chooseArm({ testKey: "a", user: `${u}` }, 2) === chooseArm({ testKey: "b", user: `${u}` }, 2),
    );
    expect(same.filter(Boolean).length).toBeLessThan(140);
    expect(hashUnit("x")).toBeGreaterThanOrEqual(0);
    expect(hashUnit("x")).toBeLessThan(1);
  });
});

describe("time buckets", () => {
  it("accumulate per-period sums into each arm's running value and its sequence against the control", () => {
    const hour = 3_600_000;
    const rows = [
      { arm: 0, start: 0, moments: { n: 100, sum: 50, sumSq: 50 } },
      { arm: 1, start: 0, moments: { n: 100, sum: 60, sumSq: 60 } },
      { arm: 0, start: hour, moments: { n: 100, sum: 50, sumSq: 50 } },
      { arm: 1, start: hour, moments: { n: 100, sum: 60, sumSq: 60 } },
    ];
    const series = cumulativeSeries(rows, 2, 0, "bool");
    expect(series.map((p) => p.at)).toEqual([0, hour]);
    expect(series[1]?.arms.map((a) => [a.n, a.value])).toEqual([
      [200, 0.5],
      [200, 0.6],
    ]);
    expect(series[0]?.differences[0]).toBeNull();
    const early = series[0]?.differences[1]?.ci as [number, number];
    const late = series[1]?.differences[1]?.ci as [number, number];
    expect(late[1] - late[0]).toBeLessThan(early[1] - early[0]);
  });

  it("give each arm's share of the traffic per period", () => {
    expect(
      trafficShares(
        [
          { arm: 0, start: 10, count: 3 },
          { arm: 1, start: 10, count: 1 },
          { arm: 1, start: 0, count: 2 },
        ],
        2,
      ),
    ).toEqual([
      { at: 0, shares: [0, 1] },
      { at: 10, shares: [0.75, 0.25] },
    ]);
  });
});

describe("bucketFor", () => {
  it("uses minute buckets for a test's first two hours and hour buckets after", () => {
    const started = new Date("2026-01-01T10:00:00Z");
    expect(bucketFor(new Date("2026-01-01T11:59:30Z"), started).toISOString()).toBe("2026-01-01T11:59:00.000Z");
    expect(bucketFor(new Date("2026-01-01T12:00:30Z"), started).toISOString()).toBe("2026-01-01T12:00:00.000Z");
    expect(bucketFor(new Date("2026-01-01T12:59:30Z"), started).toISOString()).toBe("2026-01-01T12:00:00.000Z");
  });
});
