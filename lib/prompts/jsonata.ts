import jsonata from "jsonata";
import { LinearRegExp } from "@/lib/linear-regex";
import { MAX_EXPRESSION_DEPTH, MAX_OUTPUT_CHARS, MAX_SEQUENCE_LENGTH, MAX_SOURCE_CHARS, TIME_LIMIT_MS } from "./limits";
import { type ExpressionStage, lineColumn, type StageError, type StageResult, tooLong } from "./types";

type Compiled = ReturnType<typeof jsonata>;
const cache = new Map<string, Compiled>();
const MAX_CACHED = 500;

type JsonataFailure = { code?: string; message?: string; position?: number; token?: string };

function jsonataError(source: string, error: unknown): StageError {
  const e = (error ?? {}) as JsonataFailure;
  const message = e.message ?? String(error);
  if (typeof e.position !== "number") return { message, ...(e.code ? { code: e.code } : {}) };
  // JSONata reports the offset just past the offending token; point at the token itself.
  const position = Math.max(0, e.position - 1);
  const near = e.token && e.token !== "(end)" ? ` (near "${e.token}")` : e.token === "(end)" ? " (at the end)" : "";
  return { message: `${message}${near}`, code: e.code, position, ...lineColumn(source, position) };
}

function refuseFunctions(_key: string, value: unknown): unknown {
  if (typeof value === "function" || (value !== null && typeof value === "object" && "_jsonata_lambda" in value)) {
    throw new Error("function in result");
  }
  return value;
}

export function compileExpression(stage: ExpressionStage, source: string): StageResult<Compiled> {
  if (source.length > MAX_SOURCE_CHARS) return tooLong(`${stage} expression`, source.length, MAX_SOURCE_CHARS);
  if (source.trim() === "") return { ok: false, error: { message: `${stage} expression is empty`, code: "empty" } };
  const cached = cache.get(source);
  if (cached) return { ok: true, value: cached };
  try {
    // jsonata checks the depth and the clock on every evaluation step, which stops runaway recursion
    // and loops even though a whole evaluation runs as one chain of microtasks (a setTimeout race could not).
    // Regex literals ($match, $replace, $split, $contains) run on the linear-time engine: one
    // backtracking regex call would block the event loop past any time limit.
    const compiled = jsonata(source, {
      timeout: TIME_LIMIT_MS,
      stack: MAX_EXPRESSION_DEPTH,
      sequence: MAX_SEQUENCE_LENGTH,
      RegexEngine: LinearRegExp as unknown as RegExpConstructor,
    });
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
    cache.set(source, compiled);
    return { ok: true, value: compiled };
  } catch (error) {
    return { ok: false, error: jsonataError(source, error) };
  }
}

/** Evaluates a parsing or grading expression (JSONata). `undefined` (no match) becomes null. */
export async function evaluateExpression(stage: ExpressionStage, source: string, context: object): Promise<StageResult<unknown>> {
  const compiled = compileExpression(stage, source);
  if (!compiled.ok) return compiled;
  let result: unknown;
  try {
    result = await compiled.value.evaluate(context);
  } catch (error) {
    return { ok: false, error: jsonataError(source, error) };
  }
  // Round trip: strips JSONata's sequence markers; functions (JS or JSONata lambdas) are refused.
  let text: string;
  try {
    text = JSON.stringify(result ?? null, refuseFunctions);
  } catch {
    return { ok: false, error: { message: `${stage} expression returned a function, not a value`, code: "not_a_value" } };
  }
  if (text.length > MAX_OUTPUT_CHARS) return tooLong(`${stage} result`, text.length, MAX_OUTPUT_CHARS);
  return { ok: true, value: JSON.parse(text) };
}
