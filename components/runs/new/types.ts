export type RunnableModel = {
  id: string;
  name: string;
  simulated: boolean;
  /** Seconds per call: a simulated model's mean, else the median of its recent calls; null when unknown. */
  latency_s: number | null;
  latency_source: "simulated" | "recent" | null;
  /** The model's own cap on requests in flight across its runs. */
  max_concurrency: number | null;
  price_in: number | null;
  price_out: number | null;
};
export type RunnableBenchmark = { id: string; name: string; version: number; task_count: number };
export type ActiveRun = { id: string; model_id: string; benchmark_id: string; label: string; status: string };

/** One scorer in the editor: its registry type and its params as typed JSON. */
export type ScorerRow = { key: number; type: string; params: string };

/** The form's fields as typed (strings), turned into a RunConfig only on submit. */
export type ConfigState = {
  strategy: "greedy" | "top_p" | "top_k";
  temperature: string;
  top_p: string;
  top_k: string;
  max_tokens: string;
  repetition_penalty: string;
  /** One stop sequence per line. */
  stop: string;
  num_examples: string;
  seed: string;
  samples_per_task: string;
  concurrency: string;
  timeout_ms: string;
  max_attempts: string;
  system_prompt: string;
  prompt_template: string;
  parse_expression: string;
  scorers: ScorerRow[];
};

export const INITIAL_CONFIG: ConfigState = {
  strategy: "greedy",
  temperature: "0.7",
  top_p: "0.9",
  top_k: "40",
  max_tokens: "",
  repetition_penalty: "",
  stop: "",
  num_examples: "",
  seed: "0",
  samples_per_task: "1",
  concurrency: "8",
  timeout_ms: "60000",
  max_attempts: "3",
  system_prompt: "",
  prompt_template: "",
  parse_expression: "",
  scorers: [],
};

const SAMPLING_KEYS = new Set<keyof ConfigState>(["strategy", "temperature", "top_p", "top_k", "max_tokens", "repetition_penalty", "stop"]);
const STAGE_PATHS: Partial<Record<keyof ConfigState, string>> = {
  prompt_template: "config.prompt_templates",
  parse_expression: "config.parse_expressions",
};

/** Where the API reports a problem with a form field, so its message is shown beside it and cleared with it. */
export function configErrorPath(key: keyof ConfigState): string {
  return STAGE_PATHS[key] ?? `config.${SAMPLING_KEYS.has(key) ? `sampling.${key}` : key}`;
}

/** The error paths of the fields that differ between two states of the form. */
export function changedPaths(before: ConfigState, after: ConfigState): string[] {
  return (Object.keys(after) as (keyof ConfigState)[]).filter((key) => before[key] !== after[key]).map(configErrorPath);
}

const num = (v: string) => (v.trim() === "" ? undefined : Number(v));
const text = (v: string) => (v.trim() === "" ? undefined : v);

/** A scorer's params textarea as an object, or the message for its field. */
function parseParams(row: ScorerRow, index: number): { params: Record<string, unknown> } | { error: string } {
  if (row.params.trim() === "") return { params: {} };
  try {
    const value: unknown = JSON.parse(row.params);
    if (value !== null && typeof value === "object" && !Array.isArray(value)) return { params: value as Record<string, unknown> };
    return { error: `Scorer ${index + 1} (${row.type}) params must be a JSON object, like {"key": "value"}` };
  } catch (error) {
    return { error: `Scorer ${index + 1} (${row.type}) params are not valid JSON: ${(error as Error).message}` };
  }
}

/** The RunConfig to submit, or field errors (keyed like the server's) for params that are not JSON objects. */
export function toRunConfig(c: ConfigState) {
  const errors: Record<string, string> = {};
  const scorers = c.scorers.map((row, i) => {
    const parsed = parseParams(row, i);
    if ("error" in parsed) errors[`config.scorers.${i}.params`] = parsed.error;
    return { type: row.type, params: "params" in parsed ? parsed.params : {} };
  });
  const stop = c.stop.split("\n").filter((s) => s !== "");
  const config = {
    sampling: {
      strategy: c.strategy,
      temperature: c.strategy === "greedy" ? undefined : num(c.temperature),
      top_p: c.strategy === "top_p" ? num(c.top_p) : undefined,
      top_k: c.strategy === "top_k" ? num(c.top_k) : undefined,
      max_tokens: num(c.max_tokens),
      repetition_penalty: num(c.repetition_penalty),
      stop: stop.length ? stop : undefined,
    },
    system_prompt: text(c.system_prompt),
    prompt_templates: text(c.prompt_template) === undefined ? undefined : { default: c.prompt_template },
    parse_expressions: text(c.parse_expression) === undefined ? undefined : { default: c.parse_expression },
    num_examples: num(c.num_examples),
    seed: num(c.seed) ?? 0,
    samples_per_task: num(c.samples_per_task) ?? 1,
    concurrency: num(c.concurrency) ?? 8,
    timeout_ms: num(c.timeout_ms) ?? 60_000,
    max_attempts: num(c.max_attempts) ?? 3,
    scorers: scorers.length ? scorers : undefined,
  };
  return { config, errors };
}
