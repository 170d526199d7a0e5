export const TEMPLATE_STAGES = ["system_prompt", "prompt"] as const;
export const EXPRESSION_STAGES = ["parsing", "grading"] as const;
export type TemplateStage = (typeof TEMPLATE_STAGES)[number];
export type ExpressionStage = (typeof EXPRESSION_STAGES)[number];
export type Stage = TemplateStage | ExpressionStage;

export type StageError = {
  message: string;
  /** 1-based, when the library located the problem. */
  line?: number;
  column?: number;
  /** 0-based character offset into the source. */
  position?: number;
  /** The library's error code (JSONata: S0201, D1012, …; Liquid: ParseError, RenderError, …). */
  code?: string;
};

export type StageResult<T> = { ok: true; value: T } | { ok: false; error: StageError };

export function tooLong(what: string, length: number, max: number): StageResult<never> {
  return { ok: false, error: { message: `${what} is ${length} characters; the limit is ${max}`, code: "too_long" } };
}

/** 1-based line and column of a 0-based offset. */
export function lineColumn(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, Math.max(0, Math.min(offset, source.length)));
  const lines = before.split("\n");
  return { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
}
