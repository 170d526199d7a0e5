import type { RunConfig } from "@/lib/validation/runs";
import { type ConfigState, INITIAL_CONFIG, type toRunConfig } from "./types";

type Stored = Partial<RunConfig>;
type Shown = ReturnType<typeof toRunConfig>["config"];

const text = (v: number | undefined, fallback: string) => (v === undefined ? fallback : String(v));

/** The config fields' state for a stored RunConfig (a schedule being edited): the inverse of toRunConfig. */
export function configStateOf(c: Stored): ConfigState {
  const s = c.sampling;
  return {
    strategy: s?.strategy ?? "greedy",
    temperature: text(s?.temperature, INITIAL_CONFIG.temperature),
    top_p: text(s?.top_p, INITIAL_CONFIG.top_p),
    top_k: text(s?.top_k, INITIAL_CONFIG.top_k),
    max_tokens: text(s?.max_tokens, ""),
    repetition_penalty: text(s?.repetition_penalty, ""),
    stop: (s?.stop ?? []).join("\n"),
    num_examples: text(c.num_examples, ""),
    seed: text(c.seed, INITIAL_CONFIG.seed),
    samples_per_task: text(c.samples_per_task, INITIAL_CONFIG.samples_per_task),
    concurrency: text(c.concurrency, INITIAL_CONFIG.concurrency),
    timeout_ms: text(c.timeout_ms, INITIAL_CONFIG.timeout_ms),
    max_attempts: text(c.max_attempts, INITIAL_CONFIG.max_attempts),
    system_prompt: c.system_prompt ?? "",
    prompt_template: c.prompt_templates?.default ?? "",
    parse_expression: c.parse_expressions?.default ?? "",
    scorers: (c.scorers ?? []).map((row, key) => ({ key, type: row.type, params: JSON.stringify(row.params ?? {}, null, 2) })),
  };
}

/** Per-task-type sources: the form edits `default`; the other task types' entries stay as stored. */
function perTaskType<T extends Record<string, string>>(stored: T | undefined, shown: T | undefined): T | undefined {
  const { default: _, ...others } = stored ?? ({} as T);
  const merged = { ...others, ...shown };
  return Object.keys(merged).length ? (merged as T) : undefined;
}

/**
 * The config to save when editing a stored one through the form: what the form shows, plus the stored
 * fields it has no control for (per-task-type templates, metrics, streaming, a scorer's aggregations).
 */
export function keepHiddenFields(stored: Stored, shown: Shown): Stored {
  return {
    ...stored,
    ...shown,
    prompt_templates: perTaskType(stored.prompt_templates, shown.prompt_templates),
    parse_expressions: perTaskType(stored.parse_expressions, shown.parse_expressions),
    scorers: shown.scorers?.map((s, i) => {
      const before = stored.scorers?.[i];
      return before?.type === s.type ? { ...before, params: s.params } : s;
    }),
  } as Stored;
}
