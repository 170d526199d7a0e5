import { AppError } from "@/lib/errors";
import type { AggregationName, ScorerSpec } from "@/lib/validation/runs";
import type { AggregationFunction, ScoringFnParams } from "./schemas";

type Builtin = { description: string; params: ScoringFnParams; scorer: string; scorerParams?: Record<string, unknown> };

const MULTIPLE_CHOICE_REGEXES = [String.raw`answer\s*(?:is)?\s*:?\s*\(?([A-Z])\b`, String.raw`^\s*\(?([A-Z])\)?[.):\s]*$`];
const MATH_REGEXES = [String.raw`\\boxed\{([^{}]*)\}`, String.raw`answer\s*(?:is)?\s*:?\s*\$?([-\d.,/]+)`];

export const DEFAULT_JUDGE_TEMPLATE = [
  "Question: {input_query}",
  "Expected answer: {expected_answer}",
  "Generated answer: {generated_answer}",
  "",
  "Rate how well the generated answer matches the expected answer from 1 (wrong) to 5 (equivalent). Reply with 'Score: N'.",
].join("\n");

/** The built-in Llama Stack scoring functions, each backed by one of our scorers. */
export const BUILTIN_SCORING_FUNCTIONS: Record<string, Builtin> = {
  "basic::equality": {
    description: "Passes when the generated answer equals the expected answer (trimmed, case-insensitive)",
    params: { type: "basic", aggregation_functions: ["accuracy"] },
    scorer: "exact_match",
  },
  "basic::subset_of": {
    description: "Passes when the expected answer is contained in the generated answer",
    params: { type: "basic", aggregation_functions: ["accuracy"] },
    scorer: "contains",
  },
  "basic::regex_parser_multiple_choice_answer": {
    description: "Extracts a choice letter with the first matching regex and compares it with the expected answer",
    params: { type: "regex_parser", parsing_regexes: MULTIPLE_CHOICE_REGEXES, aggregation_functions: ["accuracy"] },
    scorer: "regex_parser",
    scorerParams: { compare: "text" },
  },
  "basic::regex_parser_math_response": {
    description: "Extracts the final answer (\\boxed{…} or 'answer: …') and compares it numerically with the expected answer",
    params: { type: "regex_parser", parsing_regexes: MATH_REGEXES, aggregation_functions: ["accuracy"] },
    scorer: "regex_parser",
  },
  "llm-as-judge::base": {
    description: "A judge model (scoring_params.judge_model: a Yardstick model key) rates the answer with the prompt template",
    params: { type: "llm_as_judge", judge_model: "", prompt_template: DEFAULT_JUDGE_TEMPLATE, aggregation_functions: ["average"] },
    scorer: "llm_as_judge",
  },
};

const AGGREGATION_NAMES: Record<AggregationFunction, AggregationName> = {
  accuracy: "accuracy",
  average: "mean",
  median: "median",
  categorical_count: "categorical",
  weighted_average: "weighted_mean",
};

/** The function's definition as GET /v1/scoring-functions answers it. */
export function describeScoringFunction(identifier: string) {
  const builtin = BUILTIN_SCORING_FUNCTIONS[identifier];
  if (!builtin)
    throw new AppError(
      "not_found",
      `Scoring function ${identifier} not found; built-in: ${Object.keys(BUILTIN_SCORING_FUNCTIONS).join(", ")}`,
    );
  return {
    identifier,
    provider_id: identifier.split("::")[0] as string,
    provider_resource_id: identifier,
    type: "scoring_function" as const,
    description: builtin.description,
    return_type: { type: "number" as const },
    params: builtin.params,
    metadata: { yardstick_scorer: builtin.scorer },
  };
}

export function assertScoringFunctions(ids: string[], field: string): void {
  ids.forEach((id, i) => {
    if (!BUILTIN_SCORING_FUNCTIONS[id])
      throw AppError.field(
        `${field}.${i}`,
        `Unknown scoring function ${id}; built-in: ${Object.keys(BUILTIN_SCORING_FUNCTIONS).join(", ")}`,
      );
  });
}

/** Llama Stack's Python-style placeholders become our Liquid variables. */
export function judgeTemplate(template: string): string {
  const names: Record<string, string> = { input_query: "task.text", expected_answer: "task.truth", generated_answer: "response" };
  return template.replace(/(?<!\{)\{(input_query|expected_answer|generated_answer)\}(?!\})/g, (_, name: string) => `{{ ${names[name]} }}`);
}

/**
 * One scoring function with the run's scoring_params as our scorer spec. `judgeId` resolves the
 * judge model key (llm-as-judge only) to a Yardstick model id.
 */
export function scorerSpec(identifier: string, override: ScoringFnParams | undefined, judgeId?: string): ScorerSpec {
  const builtin = BUILTIN_SCORING_FUNCTIONS[identifier];
  if (!builtin) throw AppError.field("scoring_functions", `Unknown scoring function ${identifier}`);
  const params = { ...builtin.params, ...(override?.type === builtin.params.type ? override : {}) } as ScoringFnParams;
  const aggregations = params.aggregation_functions?.map((a) => AGGREGATION_NAMES[a]);
  const common = {
    aggregations: aggregations?.length ? aggregations : undefined,
    ...(aggregations?.includes("weighted_mean") ? { weight_field: "weight" } : {}),
  };
  if (params.type === "llm_as_judge") {
    if (!judgeId)
      throw AppError.field(
        `scoring_params.${identifier}.judge_model`,
        "llm-as-judge::base needs scoring_params with judge_model (a model key)",
      );
    const judge = {
      judge_model_id: judgeId,
      prompt_template: judgeTemplate(params.prompt_template || DEFAULT_JUDGE_TEMPLATE),
      ...(params.judge_score_regexes?.length ? { score_regexes: params.judge_score_regexes } : {}),
    };
    return { type: "llm_as_judge", params: judge, ...common };
  }
  if (params.type === "regex_parser") {
    return { type: "regex_parser", params: { ...builtin.scorerParams, parsing_regexes: params.parsing_regexes ?? [] }, ...common };
  }
  return { type: builtin.scorer, params: { ...builtin.scorerParams }, ...common };
}
