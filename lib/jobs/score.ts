import type { models } from "@/db/schema";
import type { Task } from "@/lib/benchmarks/task";
import { LlmJudgeParams } from "@/lib/scoring/scorers/llm-judge";
import { judgeResponse } from "./judge";

type Model = typeof models.$inferSelect;
import { AppError } from "@/lib/errors";
import { compileTemplate } from "@/lib/prompts";
import { isScorerName, runScorer, SCORERS } from "@/lib/scoring/registry";
import type { RunConfig } from "@/lib/validation/runs";

type Spec = { type: string; params: Record<string, unknown> };

const DEFAULTS: Record<Task["type"], Spec> = {
  MCQ: { type: "mcq_letter", params: {} },
  bool: { type: "boolean", params: {} },
  json: { type: "json", params: {} },
  qa: { type: "exact_match", params: {} },
  FRQ: { type: "exact_match", params: {} },
};

export function scorersFor(task: Task, config: RunConfig): Spec[] {
  const graders = config.scorers?.length ? config.scorers : [DEFAULTS[task.type]];
  return [...graders, ...(config.metrics ?? []).map((type) => ({ type, params: {} }))];
}

/** Templates are compiled when a run is created, so a syntax error fails the request, naming the field. */
export function assertValidTemplates(templates: Record<string, string> | undefined): void {
  for (const [type, source] of Object.entries(templates ?? {})) {
    const compiled = compileTemplate("prompt", source);
    if (!compiled.ok) throw AppError.field(`config.prompt_templates.${type}`, compiled.error.message);
  }
}

/** Checked when a run is created, so a typo fails the request rather than every result. */
export function assertValidScorers(specs: Spec[] | undefined): void {
  specs?.forEach((spec, i) => {
    const schema = spec.type === "llm_as_judge" ? LlmJudgeParams : isScorerName(spec.type) ? SCORERS[spec.type].params : undefined;
    if (!schema) throw AppError.field(`config.scorers.${i}.type`, `Unknown scorer "${spec.type}"; one of ${[...Object.keys(SCORERS), "llm_as_judge"].join(", ")}`);
    const parsed = schema.safeParse(spec.params);
    if (!parsed.success) throw AppError.field(`config.scorers.${i}.params`, parsed.error.issues.map((x) => `${x.path.join(".")}: ${x.message}`).join("; "));
  });
}

/** The judge models a run's scorers name, by id. */
export function judgeIds(config: RunConfig): string[] {
  return (config.scorers ?? []).filter((s) => s.type === "llm_as_judge").map((s) => String(s.params.judge_model_id));
}

/** The primary (first) scorer's outcome as the columns reports read: pass/fail, and a number (pass = 1). */
export function primaryOf(first: { value: unknown; pass?: boolean } | undefined): { passed: boolean | null; score: number | null } {
  if (!first) return { passed: null, score: null };
  if (typeof first.pass === "boolean") return { passed: first.pass, score: first.pass ? 1 : 0 };
  const value = typeof first.value === "number" || typeof first.value === "boolean" ? Number(first.value) : Number.NaN;
  return { passed: null, score: Number.isFinite(value) ? value : null };
}

/** Every scorer's output for one response, keyed by scorer name (the first is the run's primary score). */
export async function scoreItem(task: Task & { key: string }, response: string, correctLetters: string[] | undefined, config: RunConfig, judges: Map<string, Model> = new Map()) {
  const scores: Record<string, { value: unknown; pass?: boolean; explanation?: string; answer?: string; error?: string }> = {};
  for (const spec of scorersFor(task, config)) {
    const name = scores[spec.type] ? `${spec.type}#${Object.keys(scores).length + 1}` : spec.type;
    if (spec.type === "llm_as_judge") {
      const params = LlmJudgeParams.parse(spec.params);
      scores[name] = await judgeResponse(task, response, params, judges.get(params.judge_model_id));
    } else if (isScorerName(spec.type)) {
      scores[name] = await runScorer(spec.type, { task, response, correctLetters }, spec.params);
    }
  }
  const first = Object.values(scores)[0];
  return { scores, parsed: first?.answer ?? null, ...primaryOf(first) };
}
