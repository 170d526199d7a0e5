import { createHash } from "node:crypto";
import { canonicalJson } from "@/lib/benchmarks/content-hash";
import type { Task } from "@/lib/benchmarks/task";
import type { benchmarkTasks } from "@/db/schema";

export type TaskRow = Omit<typeof benchmarkTasks.$inferSelect, "id" | "searchText">;
export type TaskInsert = typeof benchmarkTasks.$inferInsert;

const inputText = (input: Task["input"]) => (typeof input === "string" ? input : input.map((m) => m.content).join("\n"));

/** Identifies a task by its content, so the same task keeps its key in later versions. */
export function contentKey(task: Task): string {
  const { type, input, truth, choices, system_prompt } = task;
  return createHash("sha256").update(canonicalJson({ type, input, truth, choices, system_prompt })).digest("hex").slice(0, 20);
}

/** Assigns keys in file order; a repeated task gets a suffix so keys stay unique within a version. */
export function createKeyAssigner() {
  const seen = new Map<string, number>();
  return (task: Task): string => {
    const key = contentKey(task);
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return n === 1 ? key : `${key}-${n}`;
  };
}

export function toRow(task: Task, versionId: string, position: number, taskKey: string): TaskInsert {
  return {
    versionId,
    position,
    taskKey,
    type: task.type,
    input: task.input,
    systemPrompt: task.system_prompt ?? null,
    truth: task.truth ?? null,
    choices: task.choices ?? null,
    examples: task.examples ?? null,
    jsonSchema: task.json_schema ?? null,
    jsonSchemaRef: task.json_schema_ref ?? null,
    paraphrases: task.paraphrases ?? null,
    answerParaphrases: task.answer_paraphrases ?? null,
    subset: task.subset ?? null,
    tags: task.tags,
    redacted: task.redacted,
    metadata: task.metadata,
    searchText: `${inputText(task.input)}\n${typeof task.truth === "string" ? task.truth : JSON.stringify(task.truth ?? "")}`
      .slice(0, 4000)
      .toLowerCase(),
  };
}

/** Back from a stored row to the task it was imported as (for export, editing and re-hashing). */
export function fromRow(row: TaskRow): Task {
  const optional = {
    system_prompt: row.systemPrompt ?? undefined,
    choices: row.choices ?? undefined,
    examples: row.examples ?? undefined,
    json_schema: row.jsonSchema ?? undefined,
    json_schema_ref: row.jsonSchemaRef ?? undefined,
    paraphrases: row.paraphrases ?? undefined,
    answer_paraphrases: row.answerParaphrases ?? undefined,
    subset: row.subset ?? undefined,
  };
  const defined = Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined));
  return {
    type: row.type,
    input: row.input,
    truth: row.truth,
    ...defined,
    tags: row.tags,
    redacted: row.redacted,
    metadata: row.metadata,
  } as Task;
}

export type VersionStats = { types: Record<string, number>; subsets: Record<string, number>; redacted: number };

export function createStats() {
  const stats: VersionStats = { types: {}, subsets: {}, redacted: 0 };
  return {
    stats,
    add(task: Task) {
      stats.types[task.type] = (stats.types[task.type] ?? 0) + 1;
      if (task.subset) stats.subsets[task.subset] = (stats.subsets[task.subset] ?? 0) + 1;
      if (task.redacted) stats.redacted += 1;
    },
  };
}
