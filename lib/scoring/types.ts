import type { Task } from "@/lib/benchmarks/task";

/** What every scorer sees: the task, the raw response, the parsing stage's output and the MCQ key. */
export type ScoreContext = {
  task: Task;
  response: string;
  parsed?: unknown;
  correctLetters?: string[];
};

export type ScoreResult = {
  /** 1/0 for pass/fail scorers, a number for metrics, a label for categorical ones. */
  value: number | string | boolean;
  pass?: boolean;
  explanation?: string;
  /** What the scorer read as the answer, kept so a reviewer can see why it passed or failed. */
  answer?: string;
  /** Set when the scorer could not run (bad expression, invalid schema); never a wrong answer. */
  error?: string;
};

export type Scorer<P> = (ctx: ScoreContext, params: P) => ScoreResult;
export type AsyncScorer<P> = (ctx: ScoreContext, params: P) => Promise<ScoreResult>;

export function passFail(pass: boolean, explanation: string, answer?: string): ScoreResult {
  return answer === undefined ? { value: pass ? 1 : 0, pass, explanation } : { value: pass ? 1 : 0, pass, explanation, answer };
}
