import type { z } from "zod";
import { BooleanParams, booleanScorer } from "./scorers/boolean";
import { ContainsParams, contains, SubsetOfParams, subsetOf } from "./scorers/contains";
import { ExactMatchParams, exactMatch } from "./scorers/exact-match";
import { ExpressionParams, expressionScorer } from "./scorers/expression";
import { JsonParams, jsonScorer } from "./scorers/json";
import { McqLetterParams, mcqLetter } from "./scorers/mcq-letter";
import { NumericParams, numeric } from "./scorers/numeric";
import { ReadabilityParams, readability } from "./scorers/readability";
import { RefusalParams, refusal } from "./scorers/refusal";
import { RegexParserParams, regexParser } from "./scorers/regex-parser";
import { ResponseLengthParams, responseLength } from "./scorers/response-length";
import { TokenF1Params, tokenF1Scorer } from "./scorers/token-f1";
import type { ScoreContext, ScoreResult } from "./types";

type Entry<S extends z.ZodType> = {
  params: S;
  run: (ctx: ScoreContext, params: z.infer<S>) => ScoreResult | Promise<ScoreResult>;
  /** Metrics describe a response; they have no pass/fail and are averaged, not counted. */
  kind: "grader" | "metric";
};

const entry = <S extends z.ZodType>(e: Entry<S>) => e;

/** Every pure scorer by type name. llm_as_judge needs a model call and lives with the worker. */
export const SCORERS = {
  exact_match: entry({ params: ExactMatchParams, run: exactMatch, kind: "grader" }),
  contains: entry({ params: ContainsParams, run: contains, kind: "grader" }),
  subset_of: entry({ params: SubsetOfParams, run: subsetOf, kind: "grader" }),
  regex_parser: entry({ params: RegexParserParams, run: regexParser, kind: "grader" }),
  mcq_letter: entry({ params: McqLetterParams, run: mcqLetter, kind: "grader" }),
  boolean: entry({ params: BooleanParams, run: booleanScorer, kind: "grader" }),
  json: entry({ params: JsonParams, run: jsonScorer, kind: "grader" }),
  numeric: entry({ params: NumericParams, run: numeric, kind: "grader" }),
  token_f1: entry({ params: TokenF1Params, run: tokenF1Scorer, kind: "grader" }),
  expression: entry({ params: ExpressionParams, run: expressionScorer, kind: "grader" }),
  response_length: entry({ params: ResponseLengthParams, run: responseLength, kind: "metric" }),
  readability: entry({ params: ReadabilityParams, run: readability, kind: "metric" }),
  refusal: entry({ params: RefusalParams, run: refusal, kind: "metric" }),
};
export type ScorerName = keyof typeof SCORERS;
export const SCORER_NAMES = Object.keys(SCORERS) as ScorerName[];

export function isScorerName(name: string): name is ScorerName {
  return Object.hasOwn(SCORERS, name);
}

// A run scores thousands of responses with one params object per scorer: validate it once, not per response.
const validated = new WeakMap<object, { name: ScorerName; params: unknown }>();

function paramsFor(name: ScorerName, rawParams: unknown): unknown {
  const raw = (rawParams ?? {}) as object;
  const hit = validated.get(raw);
  if (hit?.name === name) return hit.params;
  const params = (SCORERS[name] as Entry<z.ZodType>).params.parse(raw);
  validated.set(raw, { name, params });
  return params;
}

/** Validates params (throwing the zod error) and runs the scorer; a scorer that throws becomes an error result. */
export async function runScorer(name: ScorerName, ctx: ScoreContext, rawParams: unknown = {}): Promise<ScoreResult> {
  const scorer = SCORERS[name] as Entry<z.ZodType>;
  const params = paramsFor(name, rawParams);
  try {
    return await scorer.run(ctx, params);
  } catch (error) {
    return { value: 0, error: `${name} failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/**
 * Synchronous variant for hot loops: every scorer except `expression` (JSONata is async) finishes
 * without awaiting, so the worker can score a batch without a promise per result.
 */
export function runScorerSync(name: Exclude<ScorerName, "expression">, ctx: ScoreContext, rawParams: unknown = {}): ScoreResult {
  const scorer = SCORERS[name] as Entry<z.ZodType>;
  const params = paramsFor(name, rawParams);
  try {
    return scorer.run(ctx, params) as ScoreResult;
  } catch (error) {
    return { value: 0, error: `${name} failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}
