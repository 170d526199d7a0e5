import { Section } from "@/components/ui/card";
import { JsonDetails } from "./json-details";
import type { ApiRun } from "./types";

type Config = {
  sampling?: { strategy?: string; temperature?: number; top_p?: number; top_k?: number; max_tokens?: number };
  [key: string]: unknown;
};

const list = (v: unknown) =>
  Array.isArray(v) && v.length ? v.map((x) => (typeof x === "object" && x && "type" in x ? String(x.type) : String(x))).join(", ") : null;

/** The settings that decide what a score means, then the full config as JSON (collapsed). */
function highlights(config: Config): [string, string][] {
  const s = config.sampling ?? {};
  const sampling = [
    s.strategy ?? "greedy",
    s.temperature !== undefined ? `temperature ${s.temperature}` : null,
    s.top_p !== undefined ? `top-p ${s.top_p}` : null,
    s.top_k !== undefined ? `top-k ${s.top_k}` : null,
  ]
    .filter(Boolean)
    .join(", ");
  const rows: [string, string | null][] = [
    ["Sampling", sampling],
    ["Max tokens", s.max_tokens !== undefined ? String(s.max_tokens) : null],
    ["Examples", config.num_examples !== undefined ? String(config.num_examples) : "all tasks"],
    ["Samples per task", String(config.samples_per_task ?? 1)],
    ["Seed", String(config.seed ?? 0)],
    ["Scorers", list(config.scorers) ?? "defaults per task type"],
    ["Metrics", list(config.metrics)],
  ];
  return rows.filter((r): r is [string, string] => r[1] !== null);
}

export function RunConfigView({ config }: { config: ApiRun["config"] }) {
  return (
    <Section title="Configuration">
      <dl className="grid grid-cols-2 gap-4 text-sm sm:grid-cols-4">
        {highlights(config as Config).map(([label, value]) => (
          <div key={label}>
            <dt className="text-xs font-medium uppercase tracking-wide text-gray-700 dark:text-gray-300">{label}</dt>
            <dd className="mt-0.5 break-words text-gray-900 dark:text-gray-100">{value}</dd>
          </div>
        ))}
      </dl>
      <JsonDetails summary="Full configuration (JSON)" value={config} />
    </Section>
  );
}
