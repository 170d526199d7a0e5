export { buildContext, questionText, type StageContext } from "./context";
export { DEFAULT_STAGES, defaultStage } from "./defaults";
export { compileExpression, evaluateExpression } from "./jsonata";
export { checkTemplate, compileTemplate, renderTemplate } from "./liquid";
export { availableVariables } from "./variable-shapes";
export * from "./limits";
export { type PerTaskType, parseResponse, renderSystemPrompt, sourceFor, systemPromptSource } from "./stages";
export type { ExpressionStage, Stage, StageError, StageResult, TemplateStage } from "./types";
