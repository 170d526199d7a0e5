import { and, asc, eq, getTableColumns, gt, or } from "drizzle-orm";
import { db } from "@/db";
import { benchmarkTasks, runResults } from "@/db/schema";
import type { ProjectCtx } from "@/lib/auth/context";
import { type Column, download, toCsv, toJsonDocument, toJsonl } from "@/lib/export/download";
import type { ResultFilters } from "@/lib/validation/run-results";
import { getRunRow, resultWhere, serializeResult, taskColumns, taskJoin } from "./read";

type Row = typeof runResults.$inferSelect & { input: unknown; truth: unknown };
const PAGE = 1000;

/** Every matching result in task order, read in keyset pages so a large run streams in constant memory. */
async function* matching(run: { id: string; versionId: string }, filters: Partial<ResultFilters>): AsyncGenerator<Row> {
  for (let after = { position: 0, sample: -1 }; ; ) {
    const rows = await db
      .select({ ...getTableColumns(runResults), ...taskColumns })
      .from(runResults)
      .leftJoin(benchmarkTasks, taskJoin(run.versionId))
      .where(
        and(
          resultWhere(run.id, filters),
          or(gt(runResults.position, after.position), and(eq(runResults.position, after.position), gt(runResults.sample, after.sample))),
        ),
      )
      .orderBy(asc(runResults.position), asc(runResults.sample))
      .limit(PAGE);
    yield* rows;
    const last = rows.at(-1);
    if (!last || rows.length < PAGE) return;
    after = { position: last.position, sample: last.sample };
  }
}

const BASE_COLUMNS: Column<Row>[] = [
  { header: "position", value: (r) => r.position },
  { header: "sample", value: (r) => r.sample },
  { header: "task_key", value: (r) => r.taskKey },
  { header: "question", value: (r) => serializeResult(r).question },
  { header: "truth", value: (r) => r.truth },
  { header: "subset", value: (r) => r.subset },
  { header: "status", value: (r) => r.status },
  { header: "passed", value: (r) => r.passed },
  { header: "score", value: (r) => r.score },
  { header: "response_text", value: (r) => r.responseText },
  { header: "parsed", value: (r) => r.parsed },
  { header: "latency_ms", value: (r) => r.latencyMs },
  { header: "tokens_in", value: (r) => r.tokensIn },
  { header: "tokens_out", value: (r) => r.tokensOut },
  { header: "cost", value: (r) => r.cost },
  { header: "attempts", value: (r) => r.attempts },
  { header: "error_kind", value: (r) => r.errorKind },
  { header: "error", value: (r) => r.error },
];

/** One value column and one explanation column per scorer, so a spreadsheet can sort and filter on them. */
export function resultCsvColumns(scorers: readonly string[]): Column<Row>[] {
  return [
    ...BASE_COLUMNS,
    ...scorers.flatMap((name): Column<Row>[] => [
      { header: `${name}.value`, value: (r) => r.scores[name]?.value },
      { header: `${name}.pass`, value: (r) => r.scores[name]?.pass },
      { header: `${name}.explanation`, value: (r) => r.scores[name]?.explanation },
    ]),
  ];
}

/**
 * A run's results under the report's filters as a CSV, JSONL or JSON download, in task order. JSONL and
 * JSON carry everything the drill-down shows (messages, request, raw response); CSV one row per result.
 */
export async function exportResults(
  ctx: ProjectCtx,
  runId: string,
  filters: Partial<ResultFilters>,
  format: "csv" | "jsonl" | "json",
): Promise<Response> {
  const { run } = await getRunRow(ctx, runId);
  const rows = matching(run, filters);
  const name = `run-${run.id.slice(0, 8)}-results.${format}`;
  if (format === "csv") return download(toCsv(resultCsvColumns(Object.keys(run.summary?.scorers ?? {}).sort()), rows), name, "csv");
  const full = (async function* () {
    for await (const r of rows)
      yield { ...serializeResult(r), messages: r.messages, request_params: r.requestParams, raw_response: r.rawResponse };
  })();
  if (format === "json") return download(toJsonDocument({ run_id: run.id, filters }, "results", full), name, "json");
  return download(toJsonl(full), name, "jsonl");
}
