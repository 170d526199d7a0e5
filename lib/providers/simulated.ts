import { createHash } from "node:crypto";
import type { SimulationConfig } from "@/db/schema";
import { findNumbers, parseNumber } from "@/lib/scoring/normalize";
import { parseBoolean } from "@/lib/scoring/scorers/boolean";

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
  task: { key: string; truth: string; distractors?: string[]; acceptable?: string[] },
): { text: string; correct: boolean } {
  const correct = unitHash(`${config.seed}:correct:${task.key}`) < config.accuracy;
  if (correct) return { text: task.truth, correct };
  const options = task.distractors?.filter((d) => d !== task.truth) ?? [];
  const pick = options[Math.floor(unitHash(`${config.seed}:wrong:${task.key}`) * options.length)];
  return { text: pick ?? wrongAnswer(task.truth, task.acceptable), correct };
}

/** A number farther from every number in the truth than any tolerance, whose digits do not contain it. */
function otherNumber(truth: string, numbers: number[]): string {
  let candidate = 2 * Math.max(...numbers.map(Math.abs)) + 1;
  while (String(candidate).includes(truth) || truth.includes(String(candidate))) candidate += 1;
  return String(candidate);
}

const WORDS = ["Unknown", "Purple", "Elsewhere"];
const tokens = (text: string) => new Set(text.toLowerCase().match(/[\p{L}\d]+/gu) ?? []);

/**
 * A wrong answer no scorer can read as the truth: invalid JSON for JSON, another number for numbers
 * (also inside a worked answer such as "… #### 42"), the other boolean, another letter, or an unrelated
 * word sharing no token with the truth. ("not 11" passed `numeric`, which reads the 11.)
 */
export function wrongAnswer(truth: string, acceptable: string[] = []): string {
  const text = truth.trim();
  if (/^[[{]/.test(text) || text === "null") return "{ invalid json";
  const number = parseNumber(text);
  if (number !== null) return otherNumber(text, [number]);
  const bool = parseBoolean(text);
  if (bool !== null && !text.includes(" ")) return String(!bool);
  if (/^[A-Za-z]$/.test(text)) return text.toUpperCase() === "A" ? "B" : "A";
  const numbers = findNumbers(text);
  if (numbers.length > 0) return otherNumber(text, numbers);
  const all = [text, ...acceptable].map((t) => t.trim().toLowerCase()).filter(Boolean);
  const used = tokens(all.join(" "));
  return WORDS.find((w) => !used.has(w.toLowerCase()) && !all.some((t) => w.toLowerCase().includes(t))) ?? "Unknown";
}
