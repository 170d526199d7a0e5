import type { FieldError } from "@/lib/errors";

/** Deeper JSON is refused: recursive code (serialisers, merges, validators) would overflow the stack. */
export const MAX_JSON_DEPTH = 64;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * The text policy for every field: NUL (PostgreSQL text cannot hold it) and lone UTF-16 surrogates
 * (not Unicode; UTF-8 and jsonb refuse them) are rejected, never silently changed.
 */
export function textProblem(text: string): string | undefined {
  const nul = text.indexOf("\u0000");
  if (nul >= 0) return `contains a NUL character (U+0000) at character ${nul + 1}; remove it`;
  const lone = LONE_SURROGATE.exec(text);
  if (lone)
    return `contains a lone surrogate (U+${lone[0].charCodeAt(0).toString(16).toUpperCase()}) at character ${lone.index + 1}, which is not valid Unicode`;
  return undefined;
}

const join = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));

/** The first field of a parsed JSON value (or query/params object) that breaks the text policy or nests too deep. */
export function jsonProblem(value: unknown, prefix = "", maxDepth = MAX_JSON_DEPTH): FieldError | undefined {
  // Iterative, so depth itself cannot overflow the stack here.
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: prefix, depth: 0 }];
  while (stack.length > 0) {
    const item = stack.pop() as (typeof stack)[number];
    if (typeof item.value === "string") {
      const problem = textProblem(item.value);
      if (problem) return { path: item.path, message: `${item.path || "value"} ${problem}` };
      continue;
    }
    if (item.value === null || typeof item.value !== "object") continue;
    if (item.depth >= maxDepth) return { path: item.path, message: `${item.path || "value"} nests deeper than ${maxDepth} levels` };
    // Reversed onto the stack, so problems are found in document order.
    for (const [key, child] of Object.entries(item.value).reverse()) {
      const path = join(item.path, key);
      const problem = textProblem(key);
      if (problem) return { path, message: `the key of ${path} ${problem}` };
      stack.push({ value: child, path, depth: item.depth + 1 });
    }
  }
  return undefined;
}

export class JsonInputError extends Error {
  constructor(readonly field: FieldError) {
    super(field.message);
    this.name = "JsonInputError";
  }
}

/** JSON.parse plus the text policy and the depth limit; syntax errors stay SyntaxError. */
export function parseJsonInput(text: string, prefix = ""): unknown {
  const value = JSON.parse(text) as unknown;
  const problem = jsonProblem(value, prefix);
  if (problem) throw new JsonInputError(problem);
  return value;
}
