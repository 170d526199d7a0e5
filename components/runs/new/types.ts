export type RunnableModel = { id: string; name: string; simulated: boolean; latency_s: number | null; price_in: number | null; price_out: number | null };
export type RunnableBenchmark = { id: string; name: string; version: number; task_count: number };
export type ActiveRun = { id: string; model_id: string; benchmark_id: string; label: string; status: string };

/** The form's fields as typed (strings), turned into a RunConfig only on submit. */
export type ConfigState = {
  strategy: "greedy" | "top_p" | "top_k";
  temperature: string;
  top_p: string;
  top_k: string;
  max_tokens: string;
  num_examples: string;
  seed: string;
  samples_per_task: string;
  concurrency: string;
  timeout_ms: string;
  max_attempts: string;
  system_prompt: string;
  scorers: string[];
};

export const INITIAL_CONFIG: ConfigState = {
  strategy: "greedy",
  temperature: "0.7",
  top_p: "0.9",
  top_k: "40",
  max_tokens: "",
  num_examples: "",
  seed: "0",
  samples_per_task: "1",
  concurrency: "8",
  timeout_ms: "60000",
  max_attempts: "3",
  system_prompt: "",
  scorers: [],
};

const num = (v: string) => (v.trim() === "" ? undefined : Number(v));

export function toRunConfig(c: ConfigState) {
  return {
    sampling: {
      strategy: c.strategy,
      temperature: c.strategy === "greedy" ? undefined : num(c.temperature),
      top_p: c.strategy === "top_p" ? num(c.top_p) : undefined,
      top_k: c.strategy === "top_k" ? num(c.top_k) : undefined,
      max_tokens: num(c.max_tokens),
    },
    system_prompt: c.system_prompt.trim() === "" ? undefined : c.system_prompt,
    num_examples: num(c.num_examples),
    seed: num(c.seed) ?? 0,
    samples_per_task: num(c.samples_per_task) ?? 1,
    concurrency: num(c.concurrency) ?? 8,
    timeout_ms: num(c.timeout_ms) ?? 60_000,
    max_attempts: num(c.max_attempts) ?? 3,
    scorers: c.scorers.length ? c.scorers.map((type) => ({ type, params: {} })) : undefined,
  };
}
