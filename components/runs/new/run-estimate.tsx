import { formatCost, formatDuration, formatInt } from "../format";
import { DEFAULT_LATENCY_S, estimate, TOKENS_IN_PER_TASK, TOKENS_OUT_PER_TASK } from "./estimate";
import type { ConfigState, RunnableBenchmark, RunnableModel } from "./types";

const latencies = (models: RunnableModel[]) =>
  models
    .map((m) =>
      m.latency_s == null
        ? `${m.name} ${DEFAULT_LATENCY_S} s (no calls on record)`
        : `${m.name} ${m.latency_s.toFixed(2)} s (${m.latency_source === "simulated" ? "simulated mean" : "median of recent calls"})`,
    )
    .join("; ");

export function RunEstimate({
  models,
  benchmarks,
  config,
}: {
  models: RunnableModel[];
  benchmarks: RunnableBenchmark[];
  config: ConfigState;
}) {
  const e = estimate(models, benchmarks, config);
  return (
    <section
      aria-label="Estimate"
      data-testid="run-estimate"
      className="rounded-lg border border-gray-200 bg-white p-5 shadow-sm dark:border-gray-800 dark:bg-gray-900"
    >
      <h2 className="text-lg font-semibold">Estimate</h2>
      {e.runs === 0 ? (
        <p className="mt-1 text-sm text-gray-700 dark:text-gray-300">
          Choose models and benchmarks to see the number of tasks, the cost and the duration.
        </p>
      ) : (
        <>
          <dl className="mt-3 grid grid-cols-2 gap-4 sm:grid-cols-4">
            {[
              ["Runs", formatInt(e.runs)],
              ["Total tasks", formatInt(e.tasks)],
              ["Estimated cost", e.cost == null ? "Unknown" : formatCost(e.cost)],
              ["Estimated duration", formatDuration(e.seconds)],
            ].map(([label, value]) => (
              <div key={label}>
                <dt className="text-xs font-medium uppercase tracking-wide text-gray-700 dark:text-gray-300">{label}</dt>
                <dd className="mt-0.5 text-lg font-semibold tabular-nums text-gray-900 dark:text-gray-100">{value}</dd>
              </div>
            ))}
          </dl>
          <p className="mt-3 text-xs text-gray-700 dark:text-gray-300">
            Cost assumes about {TOKENS_IN_PER_TASK} tokens in and {TOKENS_OUT_PER_TASK} out per task at each model&apos;s prices
            {e.unpriced.length ? ` (no price for ${e.unpriced.join(", ")})` : ""}. Duration is each model&apos;s tasks ÷ calls in flight
            (the concurrency, capped by the model&apos;s own limit) × its latency: {latencies(models)}. Runs proceed side by side.
          </p>
        </>
      )}
    </section>
  );
}
