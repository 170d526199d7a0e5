import type { serializeTrigger } from "@/lib/services/alerts/read";

const METRIC_LABELS: Record<string, string> = {
  score: "score",
  error_rate: "error rate",
  median_latency: "median latency (s)",
  cost_per_1k: "cost per 1,000 tasks",
};

const AB_LABELS = { ab_test_completed: "an A/B test completes", ab_test_srm: "an A/B test shows a sample ratio mismatch (p < 0.001)" };

const count = (ids: string[], what: string) => (ids.length ? `${ids.length} ${what}(s)` : "");

/** "score below 0.5", "significant score regression (p < 0.05)", "an A/B test completes — 1 use case(s)". */
export function triggerText(t: ReturnType<typeof serializeTrigger>): string {
  if (t.kind !== "run") {
    const scope = count(t.use_case_ids, "use case");
    return scope ? `${AB_LABELS[t.kind]} — ${scope}` : AB_LABELS[t.kind];
  }
  const metric = t.scorer ? `${t.scorer} score` : (METRIC_LABELS[t.metric ?? ""] ?? t.metric);
  const scope = [count(t.model_ids, "model"), count(t.benchmark_ids, "benchmark")].filter(Boolean).join(", ");
  const what =
    t.condition === "regression"
      ? `significant ${metric} regression (p < ${t.p_value})`
      : `${metric} ${t.invert ? "below" : "above"} ${t.threshold}`;
  return scope ? `${what} — ${scope}` : what;
}
