import { createHash } from "node:crypto";
import type { Task } from "./task";

/** JSON with object keys sorted at every level and undefined members dropped, as JSON.stringify drops them. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? "null" : canonicalJson(v))).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** Streams tasks into a SHA-256 so importing never holds the list just to hash it. */
export function createTaskHasher() {
  const hash = createHash("sha256");
  return {
    add(task: Task) {
      hash.update(canonicalJson(task));
      hash.update("\n");
    },
    digest: () => hash.digest("hex"),
  };
}

/** Same normalised tasks in the same order → same hash, whatever the file format or line endings. */
export function hashTasks(tasks: Iterable<Task>): string {
  const hasher = createTaskHasher();
  for (const task of tasks) hasher.add(task);
  return hasher.digest();
}
