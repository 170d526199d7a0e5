export { isScorerName, runScorer, runScorerSync, SCORER_NAMES, SCORERS, type ScorerName } from "./registry";
export { LlmJudgeParams, parseJudgeVerdict, type JudgeVerdict } from "./scorers/llm-judge";
export type { ScoreContext, ScoreResult } from "./types";
