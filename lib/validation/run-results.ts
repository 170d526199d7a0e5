import { z } from "zod";
import { MAX_INT } from "@/lib/validation/int";
import { PageQuery } from "@/lib/http/pagination";

export const RESULT_OUTCOMES = ["correct", "incorrect", "error"] as const;
export const RESULT_SORTS = ["position", "latency", "score"] as const;

// A GET form sends every field, empty ones as "": those mean "no filter".
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

const fields = z.object({
  outcome: optional(z.enum(RESULT_OUTCOMES, "outcome must be correct, incorrect or error")).describe(
    "correct / incorrect: the primary scorer passed / failed; error: the model call failed",
  ),
  subset: optional(z.string().trim().max(200, "subset is at most 200 characters")),
  q: optional(z.string().trim().max(200, "q is at most 200 characters")).describe("Case-insensitive text in the response or the task key"),
  scorer: optional(z.string().trim().max(64, "scorer is at most 64 characters")).describe(
    "A scorer name; pass, min and max apply to its result",
  ),
  pass: optional(z.enum(["true", "false"], "pass must be true or false")),
  min: optional(z.coerce.number("min must be a number")),
  max: optional(z.coerce.number("max must be a number")),
  sort: z.preprocess(blankToUndefined, z.enum(RESULT_SORTS, "sort must be position, latency or score").default("position")),
  order: z.preprocess(blankToUndefined, z.enum(["asc", "desc"], "order must be asc or desc").default("asc")),
});

function consistent(f: z.infer<typeof fields>, ctx: z.RefinementCtx) {
  for (const field of ["pass", "min", "max"] as const) {
    if (f[field] !== undefined && !f.scorer) ctx.addIssue({ code: "custom", path: [field], message: `${field} needs a scorer` });
  }
  if (f.min !== undefined && f.max !== undefined && f.min > f.max)
    ctx.addIssue({ code: "custom", path: ["min"], message: "min must not exceed max" });
}

/** Filters and order of a run's results; shared by the run page, the results API and the export. */
export const ResultFilters = fields.superRefine(consistent);
export type ResultFilters = z.infer<typeof ResultFilters>;

export const ListResultsQuery = fields.extend(PageQuery.shape).superRefine(consistent);
export const ExportQuery = fields
  .extend({ format: z.enum(["csv", "jsonl", "json"], "format must be csv, jsonl or json").default("csv") })
  .superRefine(consistent);

export const ResultKey = z.object({
  sample: z.preprocess(
    blankToUndefined,
    z.coerce.number("sample must be a number").int().min(0, "sample starts at 0").max(MAX_INT).default(0),
  ),
});

const DEFAULTS = { sort: "position", order: "asc" } as const;

/** The filters as query parameters (defaults left out), so every filtered view has a short, stable link. */
export function resultFilterParams(f: Partial<ResultFilters>): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ["outcome", "subset", "q", "scorer", "pass", "min", "max", "sort", "order"] as const) {
    const value = f[key];
    if (value === undefined || value === DEFAULTS[key as keyof typeof DEFAULTS]) continue;
    params.set(key, String(value));
  }
  return params;
}

export const hasResultFilters = (f: Partial<ResultFilters>) => Boolean(f.outcome || f.subset || f.q || f.scorer);
