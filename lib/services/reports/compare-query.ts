import { z } from "zod";
import { MAX_INT } from "@/lib/validation/int";
import { PageQuery } from "@/lib/http/pagination";

export const MAX_COMPARED_RUNS = 6;

/** Paired outcomes of one task: pass/fail when both runs judged it, else which run scored higher. */
export const OUTCOMES = ["both_right", "only_a", "only_b", "both_wrong", "a_higher", "b_higher", "same"] as const;
export type Outcome = (typeof OUTCOMES)[number];
/** Outcomes where the two runs disagree. */
export const FLIPPED: readonly Outcome[] = ["only_a", "only_b", "a_higher", "b_higher"];
export const TASK_FILTERS = ["all", "flipped", ...OUTCOMES] as const;
export type TaskFilter = (typeof TASK_FILTERS)[number];

// `?runs=a&runs=b` and `?runs=a,b` both work: the first reads naturally in a GET form, the second in a link.
const runList = z.preprocess(
  (v) =>
    v === undefined
      ? []
      : (Array.isArray(v) ? v : [v])
          .flatMap((s) => String(s).split(","))
          .map((s) => s.trim())
          .filter(Boolean),
  z
    .array(z.uuid("every runs value must be a run id"))
    .min(2, "runs needs at least two run ids (?runs=…&runs=…); the first is the baseline")
    .max(MAX_COMPARED_RUNS, `runs takes at most ${MAX_COMPARED_RUNS} run ids`)
    .refine((ids) => new Set(ids).size === ids.length, "runs lists a run twice"),
);

const taskFilter = z.enum(TASK_FILTERS, `filter must be one of ${TASK_FILTERS.join(", ")}`);

export const CompareFilters = z.object({
  vs: z
    .uuid("vs must be one of the compared run ids")
    .optional()
    .describe("Whose pairing with the baseline lists tasks; the second run when unset"),
  filter: taskFilter.default("flipped").describe("Which paired tasks to list: flipped ones by default"),
  // A GET form sends an empty subset for "Any".
  subset: z.preprocess((v) => (v === "" ? undefined : v), z.string().trim().min(1).max(200, "subset is at most 200 characters").optional()),
});
export type CompareFilters = z.infer<typeof CompareFilters>;

export const CompareQuery = CompareFilters.extend({ runs: runList }).extend(PageQuery.shape);
export type CompareQuery = z.infer<typeof CompareQuery>;

export const CompareExportQuery = CompareFilters.extend({
  runs: runList,
  filter: taskFilter.default("all"),
  format: z.enum(["csv", "json"], "format must be csv or json").default("csv"),
});

export const CompareTaskParams = z.object({
  position: z.coerce.number().int("position must be a task position").min(1, "position must be a task position (from 1)").max(MAX_INT),
});
export const CompareRunsOnly = z.object({ runs: runList });
