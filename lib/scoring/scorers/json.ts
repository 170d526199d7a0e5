import { z } from "zod";
import { deepSubset, extractJson } from "../json-extract";
import { validateAgainstSchema } from "../json-schema";
import { passFail, type Scorer } from "../types";

export const JsonParams = z.strictObject({
  schema: z.record(z.string(), z.json()).optional().describe("Overrides task.json_schema; the worker resolves json_schema_ref into this"),
  check_schema: z.boolean().default(true).describe("Validate the answer against the JSON Schema when there is one"),
  check_expected: z.boolean().default(true).describe("Require task.truth (when not null) as a deep subset"),
  exact: z.boolean().default(false).describe("Require the expected value exactly instead of as a subset"),
});
export type JsonParams = z.infer<typeof JsonParams>;

/** Valid JSON (also inside a ```json fence), matching the schema, containing the expected values. */
export const jsonScorer: Scorer<JsonParams> = (ctx, params) => {
  const fromParser = ctx.parsed !== undefined && typeof ctx.parsed !== "string";
  const extracted = fromParser
    ? { ok: true as const, value: ctx.parsed }
    : extractJson(typeof ctx.parsed === "string" ? ctx.parsed : ctx.response);
  if (!extracted.ok) return passFail(false, extracted.error);
  const failures: string[] = [];
  const schema = params.schema ?? ctx.task.json_schema;
  if (params.check_schema && schema) {
    const check = validateAgainstSchema(schema, extracted.value);
    if ("schemaError" in check) return { value: 0, pass: false, error: `invalid JSON schema: ${check.schemaError}` };
    if (!check.ok) failures.push(...check.errors.map((e) => `schema: ${e}`));
  }
  const expected = ctx.task.truth;
  if (params.check_expected && expected !== null && expected !== undefined) {
    const diffs = params.exact
      ? JSON.stringify(expected) === JSON.stringify(extracted.value)
        ? []
        : ["value differs from the expected JSON"]
      : deepSubset(expected, extracted.value);
    failures.push(...diffs);
  }
  const answer = JSON.stringify(extracted.value);
  return passFail(failures.length === 0, failures.length ? failures.slice(0, 20).join("; ") : "valid JSON", answer);
};
