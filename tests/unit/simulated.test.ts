import { describe, expect, it } from "vitest";
import { simulatedAnswer, simulatedLatencyMs, unitHash } from "@/lib/providers/simulated";

const config = (accuracy: number, seed = 42, mean = 800, stddev = 200) => ({ seed, accuracy, latencyMs: { mean, stddev } });
const tasks = Array.from({ length: 10_000 }, (_, i) => ({ key: `task-${i}`, truth: "A", distractors: ["A", "B", "C", "D"] }));

describe("unitHash", () => {
  it("is stable and within [0, 1)", () => {
    expect(unitHash("abc")).toBe(unitHash("abc"));
    expect(unitHash("abc")).not.toBe(unitHash("abd"));
    for (let i = 0; i < 1000; i++) {
      const u = unitHash(String(i));
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThan(1);
    }
  });
});

describe("simulatedAnswer", () => {
  it("gives the same answer for the same seed and task", () => {
    const first = tasks.slice(0, 200).map((t) => simulatedAnswer(config(0.5), t));
    const second = tasks.slice(0, 200).map((t) => simulatedAnswer(config(0.5), t));
    expect(second).toEqual(first);
  });

  it("answers differently under a different seed", () => {
    const a = tasks.slice(0, 200).map((t) => simulatedAnswer(config(0.5, 1), t).correct);
    const b = tasks.slice(0, 200).map((t) => simulatedAnswer(config(0.5, 2), t).correct);
    expect(b).not.toEqual(a);
  });

  it.each([0.1, 0.5, 0.73, 0.95])("hits accuracy %s within two percentage points over 10,000 tasks", (accuracy) => {
    const correct = tasks.filter((t) => simulatedAnswer(config(accuracy), t).correct).length;
    expect(Math.abs(correct / tasks.length - accuracy)).toBeLessThan(0.02);
  });

  it("is always right at 1 and always wrong at 0", () => {
    expect(tasks.slice(0, 500).every((t) => simulatedAnswer(config(1), t).correct)).toBe(true);
    expect(tasks.slice(0, 500).some((t) => simulatedAnswer(config(0), t).correct)).toBe(false);
  });

  it("returns the truth when right and a distractor other than the truth when wrong", () => {
    for (const task of tasks.slice(0, 500)) {
      const answer = simulatedAnswer(config(0.5), task);
      if (answer.correct) expect(answer.text).toBe("A");
      else expect(["B", "C", "D"]).toContain(answer.text);
    }
  });

  it("invents a wrong answer when there are no distractors", () => {
    const answer = simulatedAnswer(config(0), { key: "k", truth: "42" });
    expect(answer).toEqual({ text: "85", correct: false });
  });
});

describe("simulatedLatencyMs", () => {
  it("is deterministic, never negative, and has the configured mean and spread", () => {
    const values = tasks.map((t) => simulatedLatencyMs(config(0.5), t.key));
    expect(tasks.slice(0, 100).map((t) => simulatedLatencyMs(config(0.5), t.key))).toEqual(values.slice(0, 100));
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
    expect(Math.abs(mean - 800)).toBeLessThan(10);
    expect(Math.abs(sd - 200)).toBeLessThan(10);
  });

  it("clamps at zero when the spread is wider than the mean", () => {
    const values = tasks.map((t) => simulatedLatencyMs(config(0.5, 7, 50, 500), t.key));
    expect(Math.min(...values)).toBe(0);
  });

  it("is exactly the mean with no spread", () => {
    expect(simulatedLatencyMs(config(0.5, 3, 250, 0), "t")).toBe(250);
  });
});
