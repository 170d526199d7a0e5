import type { models } from "@/db/schema";
import { renderPrompt } from "@/lib/benchmarks/render";
import type { Task } from "@/lib/benchmarks/task";
import { AppError } from "@/lib/errors";
import { describeParamIssues } from "@/lib/scoring/param-docs";
import { checkTemplate, compileExpression, type PerTaskType, parseResponse, sourceFor } from "@/lib/prompts";
import { isScorerName, runScorer, SCORERS } from "@/lib/scoring/registry";
import { scorerKeys } from "@/lib/scoring/scorer-keys";
import { LlmJudgeParams } from "@/lib/scoring/scorers/llm-judge";
import type { ScoreResult } from "@/lib/scoring/types";
import type { RunConfig } from "@/lib/validation/runs";
import { judgeResponse } from "./judge";

type Model = typeof models.$inferSelect;
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
export function assertValidTemplates(templates: PerTaskType | undefined, field = "config.prompt_templates"): void {
  for (const [type, source] of Object.entries(templates ?? {})) {
    const compiled = checkTemplate("prompt", source ?? "");
    if (!compiled.ok) throw AppError.field(`${field}.${type}`, compiled.error.message);
  }
}

/** Every user-code stage of a run config: system prompt and prompt templates (Liquid), parse expressions (JSONata). */
export function assertValidStages(
  config: Pick<RunConfig, "system_prompt" | "system_prompt_templates" | "prompt_templates" | "parse_expressions">,
): void {
  const system = config.system_prompt === undefined ? undefined : checkTemplate("system_prompt", config.system_prompt);
  if (system && !system.ok) throw AppError.field("config.system_prompt", system.error.message);
  assertValidTemplates(config.system_prompt_templates, "config.system_prompt_templates");
  assertValidTemplates(config.prompt_templates);
  for (const [type, source] of Object.entries(config.parse_expressions ?? {})) {
    const compiled = compileExpression("parsing", source ?? "");
    if (!compiled.ok) {
      const where = compiled.error.line ? ` (line ${compiled.error.line}, column ${compiled.error.column})` : "";
      throw AppError.field(`config.parse_expressions.${type}`, `${compiled.error.message}${where}`);
    }
  }
}

/** Checked when a run is created, so a typo fails the request rather than every result. */
export function assertValidScorers(specs: Spec[] | undefined): void {
  specs?.forEach((spec, i) => {
    const schema = spec.type === "llm_as_judge" ? LlmJudgeParams : isScorerName(spec.type) ? SCORERS[spec.type].params : undefined;
    if (!schema)
      throw AppError.field(
        `config.scorers.${i}.type`,
        `Unknown scorer "${spec.type}"; one of ${[...Object.keys(SCORERS), "llm_as_judge"].join(", ")}`,
      );
    const parsed = schema.safeParse(spec.params);
    if (!parsed.success) throw AppError.field(`config.scorers.${i}.params`, describeParamIssues(schema, parsed.error.issues));
    const judgeTemplate = spec.type === "llm_as_judge" ? checkTemplate("grading", String(spec.params.prompt_template)) : undefined;
    if (judgeTemplate && !judgeTemplate.ok) throw AppError.field(`config.scorers.${i}.params.prompt_template`, judgeTemplate.error.message);
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

type Parsing = { configured: boolean; parsed: unknown; error?: string };

/**
 * The parsing stage, run only when something reads it: the run's parse expression for this task type,
 * else the type's default (for expression graders, which read `parsed`, as in the playground).
 */
async function parseStage(task: Task, response: string, config: RunConfig, specs: Spec[]): Promise<Parsing> {
  const source = sourceFor(config.parse_expressions, task.type);
  if (source === undefined && !specs.some((s) => s.type === "expression")) return { configured: false, parsed: undefined };
  const result = await parseResponse(source, task, renderPrompt(task, config.seed), response);
  const configured = source !== undefined;
  return result.ok
    ? { configured, parsed: result.value }
    : { configured, parsed: null, error: `parse expression failed: ${result.error.message}` };
}

/** Every scorer's output for one response, keyed by scorer name (the first is the run's primary score). */
export async function scoreItem(
  task: Task & { key: string },
  response: string,
  correctLetters: string[] | undefined,
  config: RunConfig,
  judges: Map<string, Model> = new Map(),
) {
  const scores: Record<string, ScoreResult> = {};
  const specs = scorersFor(task, config);
  const keys = scorerKeys(specs);
  const parsing = await parseStage(task, response, config, specs);
  for (const [i, spec] of specs.entries()) {
    const name = keys[i] as string;
    const metric = isScorerName(spec.type) && SCORERS[spec.type].kind === "metric";
    // A response the run's parse expression cannot read is a wrong answer for every grader; metrics describe the raw text.
    if (parsing.configured && parsing.error && !metric) scores[name] = { value: 0, pass: false, error: parsing.error };
    else if (spec.type === "llm_as_judge") {
      const params = LlmJudgeParams.parse(spec.params);
      scores[name] = await judgeResponse(
        task,
        { response, parsed: parsing.configured ? parsing.parsed : undefined },
        params,
        judges.get(params.judge_model_id),
      );
    } else if (isScorerName(spec.type)) {
      const parsed = parsing.configured || spec.type === "expression" ? parsing.parsed : undefined;
      scores[name] = await runScorer(spec.type, { task, response, correctLetters, parsed }, spec.params);
    }
  }
  const first = Object.values(scores)[0];
  return { scores, parsed: parsing.configured ? parsing.parsed : (first?.answer ?? null), ...primaryOf(first) };
}
