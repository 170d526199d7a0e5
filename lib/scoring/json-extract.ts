export type JsonExtraction = { ok: true; value: unknown; source: "whole" | "fence" | "braces" } | { ok: false; error: string };

function tryParse(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Finds the JSON a model meant: the whole response, else the first ```json (or bare ```) fence, else the
 * span from the first { or [ to the last matching closer. The first parse error is reported.
 */
export function extractJson(text: string): JsonExtraction {
  const whole = tryParse(text.trim());
  if (whole.ok) return { ...whole, source: "whole" };
  const fence = /```(?:json|JSON|jsonc)?[ \t]*\r?\n([\s\S]*?)```/.exec(text)?.[1];
  if (fence !== undefined) {
    const fenced = tryParse(fence.trim());
    return fenced.ok ? { ...fenced, source: "fence" } : { ok: false, error: `invalid JSON in code fence: ${fenced.error}` };
  }
  const start = text.search(/[{[]/);
  if (start >= 0) {
    const closer = text[start] === "{" ? "}" : "]";
    const end = text.lastIndexOf(closer);
    if (end > start) {
      const braces = tryParse(text.slice(start, end + 1));
      if (braces.ok) return { ...braces, source: "braces" };
    }
  }
  return { ok: false, error: `response is not JSON: ${whole.error}` };
}

/**
 * Whether `actual` contains `expected`: objects may have extra keys, arrays must have the same length
 * with each element matching, scalars must be equal (numbers to 1e-9 relative).
 */
export function deepSubset(expected: unknown, actual: unknown, path = "$"): string[] {
  if (expected === null || typeof expected !== "object") {
    if (typeof expected === "number" && typeof actual === "number") {
      return Math.abs(expected - actual) <= 1e-9 * Math.max(1, Math.abs(expected)) ? [] : [`${path}: expected ${expected}, got ${actual}`];
    }
    return expected === actual ? [] : [`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual) ?? "nothing"}`];
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return [`${path}: expected an array`];
    if (actual.length !== expected.length) return [`${path}: expected ${expected.length} items, got ${actual.length}`];
    return expected.flatMap((item, i) => deepSubset(item, actual[i], `${path}[${i}]`));
  }
  if (actual === null || typeof actual !== "object" || Array.isArray(actual)) return [`${path}: expected an object`];
  const record = actual as Record<string, unknown>;
  return Object.entries(expected).flatMap(([key, value]) =>
    Object.hasOwn(record, key) ? deepSubset(value, record[key], `${path}.${key}`) : [`${path}.${key}: missing`],
  );
}
