import type { serializeTrigger } from "@/lib/services/alerts/read";

const METRIC_LABELS: Record<string, string> = {
  score: "score",
  error_rate: "error rate",
  median_latency: "median latency (s)",
  cost_per_1k: "cost per 1,000 tasks",
};

/** "score below 0.5", "significant score regression (p < 0.05)". */
export function triggerText(t: ReturnType<typeof serializeTrigger>): string {
  const metric = t.scorer ? `${t.scorer} score` : (METRIC_LABELS[t.metric] ?? t.metric);
  const scope = [
    t.model_ids.length ? `${t.model_ids.length} model(s)` : "",
    t.benchmark_ids.length ? `${t.benchmark_ids.length} benchmark(s)` : "",
  ]
    .filter(Boolean)
    .join(", ");
  const what =
    t.condition === "regression"
      ? `significant ${metric} regression (p < ${t.p_value})`
      : `${metric} ${t.invert ? "below" : "above"} ${t.threshold}`;
  return scope ? `${what} — ${scope}` : what;
}
