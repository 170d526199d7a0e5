import { createHash } from "node:crypto";
import type { SimulationConfig } from "@/db/schema";

/** A uniform number in [0, 1) from a string, stable across runs and machines. */
export function unitHash(input: string): number {
  return createHash("sha256").update(input).digest().readUInt32BE(0) / 2 ** 32;
}

/** Box–Muller on two hashes: a deterministic, normally distributed latency, never negative. */
export function simulatedLatencyMs(config: SimulationConfig, taskKey: string): number {
  const u1 = Math.max(unitHash(`${config.seed}:lat1:${taskKey}`), 1e-12);
  const u2 = unitHash(`${config.seed}:lat2:${taskKey}`);
  const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  return Math.max(0, config.latencyMs.mean + z * config.latencyMs.stddev);
}

/**
 * Answers a task without a network: right with probability `accuracy`, decided by a hash of the seed
 * and task so the same model gives the same answer every time. Wrong answers pick a distractor.
 */
export function simulatedAnswer(
  config: SimulationConfig,
  task: { key: string; truth: string; distractors?: string[] },
): { text: string; correct: boolean } {
  const correct = unitHash(`${config.seed}:correct:${task.key}`) < config.accuracy;
  if (correct) return { text: task.truth, correct };
  const options = task.distractors?.filter((d) => d !== task.truth) ?? [];
  const pick = options[Math.floor(unitHash(`${config.seed}:wrong:${task.key}`) * options.length)];
  return { text: pick ?? `not ${task.truth}`, correct };
}
