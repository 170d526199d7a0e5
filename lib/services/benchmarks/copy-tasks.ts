import { once } from "node:events";
import type { Writable } from "node:stream";
import type { TransactionSql } from "postgres";
import type { Executor } from "@/db";
import type { TaskInsert } from "./task-rows";

const COLUMNS = [
  "version_id",
  "position",
  "task_key",
  "type",
  "input",
  "system_prompt",
  "truth",
  "choices",
  "examples",
  "json_schema",
  "json_schema_ref",
  "paraphrases",
  "answer_paraphrases",
  "subset",
  "tags",
  "redacted",
  "metadata",
  "search_text",
] as const;

// COPY's text format: backslash, tab, newline and carriage return are escaped; \N is NULL.
const text = (value: string) => value.replace(/[\\\t\n\r]/g, (c) => ({ "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" })[c] as string);
const json = (value: unknown) => (value === null || value === undefined ? "\\N" : text(JSON.stringify(value)));
const nullable = (value: string | null | undefined) => (value === null || value === undefined ? "\\N" : text(value));
const array = (values: string[]) => text(`{${values.map((v) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(",")}}`);

function line(row: TaskInsert): string {
  return `${[
    row.versionId,
    String(row.position),
    text(row.taskKey),
    text(row.type),
    json(row.input),
    nullable(row.systemPrompt),
    json(row.truth),
    json(row.choices),
    json(row.examples),
    json(row.jsonSchema),
    nullable(row.jsonSchemaRef),
    json(row.paraphrases),
    json(row.answerParaphrases),
    nullable(row.subset),
    array(row.tags ?? []),
    row.redacted ? "t" : "f",
    json(row.metadata ?? {}),
    text(row.searchText ?? ""),
  ].join("\t")}\n`;
}

/**
 * Streams task rows into the open transaction with COPY, which is many times faster than INSERT for
 * large uploads. Failing the copy (or the transaction) leaves nothing behind, and every path settles:
 * the caller's transaction always reaches its rollback.
 */
export async function openTaskCopy(tx: Executor) {
  // drizzle's transaction wraps a postgres.js TransactionSql; COPY must run on that same connection.
  const sql = (tx as unknown as { session: { client: TransactionSql } }).session.client;
  const stream: Writable = await sql.unsafe(`copy benchmark_tasks (${COLUMNS.join(", ")}) from stdin`).writable();
  const finished = once(stream, "finish");
  finished.catch(() => {});
  const failed = () => stream.errored ?? new Error("The task copy was aborted");
  const closed = once(stream, "close").then(() => Promise.reject(failed()));
  closed.catch(() => {});
  return {
    async write(row: TaskInsert) {
      if (stream.destroyed) throw failed();
      if (!stream.write(line(row))) await Promise.race([once(stream, "drain"), closed]);
    },
    async end() {
      if (stream.destroyed) throw failed();
      stream.end();
      await new Promise((resolve) => setImmediate(resolve));
      // postgres.js never finishes the stream when the server refuses the rows at the end of the copy;
      // a query queued behind it then fails in the aborted transaction instead of waiting forever.
      await Promise.race([finished, closed, sql`select 1`.then(() => finished)]);
    },
    abort(error: Error) {
      stream.destroy(error);
    },
  };
}
