import type { METRICS, Trigger } from "@/lib/validation/automation";

/** What a trigger row fires on; "threshold" and "regression" watch completed runs. */
export type Watch = "threshold" | "regression" | "ab_test_completed" | "ab_test_srm";
export type Metric = (typeof METRICS)[number];

/** One trigger row of the alert form, as the user edits it (numbers as typed). */
export type TriggerDraft = {
  key: number;
  watch: Watch;
  metric: Metric;
  scorer: string;
  model_ids: string[];
  benchmark_ids: string[];
  threshold: string;
  invert: boolean;
  p_value: string;
  use_case_ids: string[];
};

/** A trigger as the API returns it (kind first, run fields or use cases). */
export type SavedTrigger =
  | {
      kind: "run";
      metric: Metric | null;
      scorer: string | null;
      model_ids: string[];
      benchmark_ids: string[];
      condition: "threshold" | "regression" | null;
      threshold: number | null;
      invert: boolean;
      p_value: number;
    }
  | { kind: "ab_test_completed" | "ab_test_srm"; use_case_ids: string[] };

export const MAX_TRIGGERS = 10;

export function emptyDraft(key: number): TriggerDraft {
  return {
    key,
    watch: "threshold",
    metric: "score",
    scorer: "",
    model_ids: [],
    benchmark_ids: [],
    threshold: "",
    invert: false,
    p_value: "0.05",
    use_case_ids: [],
  };
}

export function draftOf(t: SavedTrigger, key: number): TriggerDraft {
  const draft = emptyDraft(key);
  if (t.kind !== "run") return { ...draft, watch: t.kind, use_case_ids: t.use_case_ids };
  return {
    ...draft,
    watch: t.condition ?? "threshold",
    metric: t.metric ?? "score",
    scorer: t.scorer ?? "",
    model_ids: t.model_ids,
    benchmark_ids: t.benchmark_ids,
    threshold: t.threshold === null ? "" : String(t.threshold),
    invert: t.invert,
    p_value: String(t.p_value),
  };
}

/** Empty text is "not given" (null); anything else is sent as typed, so the API names a bad number. */
const numberOrNull = (text: string) => (text.trim() === "" ? null : Number(text));

/** The API input of a row: only the fields its kind takes. */
export function triggerOf(d: TriggerDraft): Trigger {
  if (d.watch === "ab_test_completed" || d.watch === "ab_test_srm") return { kind: d.watch, use_case_ids: d.use_case_ids };
  const regression = d.watch === "regression";
  return {
    kind: "run",
    metric: regression ? "score" : d.metric,
    scorer: d.scorer.trim() || null,
    model_ids: d.model_ids,
    benchmark_ids: d.benchmark_ids,
    condition: d.watch,
    threshold: regression ? null : numberOrNull(d.threshold),
    invert: regression ? false : d.invert,
    p_value: regression ? (numberOrNull(d.p_value) ?? 0.05) : 0.05,
  };
}

const FIELD_LABELS: Record<string, string> = {
  kind: "Fires when",
  metric: "Metric",
  scorer: "Scorer",
  model_ids: "Models",
  benchmark_ids: "Benchmarks",
  threshold: "Threshold",
  p_value: "Significance level",
  use_case_ids: "Use cases",
  name: "Name",
  description: "Description",
  cooldown_minutes: "Cooldown",
  triggers: "Triggers",
};

/** "Trigger 2, Threshold: threshold is required…" for an error at triggers.1.threshold (under an optional prefix). */
export function describeError(path: string, message: string, prefix = ""): string {
  const local = path.startsWith(prefix) ? path.slice(prefix.length) : path;
  const row = /^triggers\.(\d+)(?:\.(\w+))?/.exec(local);
  if (row) {
    const field = row[2] ? `, ${FIELD_LABELS[row[2]] ?? row[2]}` : "";
    return `Trigger ${Number(row[1]) + 1}${field}: ${message}`;
  }
  const field = local.split(".")[0] ?? local;
  return `${FIELD_LABELS[field] ?? field}: ${message}`;
}
