import Ajv, { type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";

// One Ajv instance and a bounded cache of compiled validators: compiling is far slower than validating,
// and a run validates thousands of responses against a handful of schemas.
const ajv = new Ajv({ allErrors: true, strict: false, validateSchema: true });
addFormats(ajv);
const cache = new Map<string, ValidateFunction>();
const MAX_CACHED = 200;

export type SchemaCheck = { ok: true } | { ok: false; errors: string[] } | { ok: false; schemaError: string };

export function validateAgainstSchema(schema: Record<string, unknown>, value: unknown): SchemaCheck {
  const key = JSON.stringify(schema);
  let validate = cache.get(key);
  if (!validate) {
    try {
      validate = ajv.compile(schema);
    } catch (error) {
      return { ok: false, schemaError: error instanceof Error ? error.message : String(error) };
    }
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
    cache.set(key, validate);
  }
  if (validate(value)) return { ok: true };
  const errors = (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? "is invalid"}`);
  return { ok: false, errors };
}
