import { and, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import { db } from "@/db";
import { runResults } from "@/db/schema";
import type { ProjectCtx } from "@/lib/auth/context";
import { type Column, toCsv, toJsonDocument } from "@/lib/export/download";
import { filterTasks, pairAll } from "./compare";
import type { CompareExportQuery } from "./compare-query";

const CHUNK = 500;

type ExportRow = {
  position: number;
  task_key: string;
  subset: string | null;
  outcome: string;
  runs: { run_id: string; passed: boolean | null; score: number | null; response: string | null }[];
};

/**
 * One row per matching task with every run's passed/score and first sample's response. Responses are
 * read a chunk of positions at a time through the (run, position, sample) index, so memory stays flat.
 */
export async function exportComparison(ctx: ProjectCtx, q: z.infer<typeof CompareExportQuery>) {
  const { compared, scores, pairings, selected } = await pairAll(ctx, q.runs, q.vs);
  const tasks = filterTasks(selected.tasks, q);
  const ids = compared.map((r) => r.id);

  async function* rows(): AsyncGenerator<ExportRow> {
    for (let i = 0; i < tasks.length; i += CHUNK) {
      const chunk = tasks.slice(i, i + CHUNK);
      const responses = await db
        .select({ runId: runResults.runId, position: runResults.position, taskKey: runResults.taskKey, text: runResults.responseText })
        .from(runResults)
        .where(
          and(
            inArray(runResults.runId, ids),
            inArray(
              runResults.position,
              chunk.map((t) => t.position),
            ),
            eq(runResults.sample, 0),
          ),
        );
      const text = new Map(responses.map((r) => [`${r.runId}:${r.position}`, r.text]));
      const keys = new Map(responses.map((r) => [r.position, r.taskKey]));
      for (const t of chunk) {
        yield {
          position: t.position,
          task_key: keys.get(t.position) ?? "",
          subset: t.subset,
          outcome: t.outcome,
          runs: ids.map((id, r) => {
            const s = scores[r]?.get(t.position);
            return { run_id: id, passed: s?.passed ?? null, score: s?.score ?? null, response: text.get(`${id}:${t.position}`) ?? null };
          }),
        };
      }
    }
  }

  const base = compared[0];
  const filename = `compare-${base?.benchmark_key}-v${base?.benchmark.version}-${new Date().toISOString().slice(0, 10)}.${q.format}`;
  if (q.format === "csv") {
    const columns: Column<ExportRow>[] = [
      { header: "position", value: (r) => r.position },
      { header: "task_key", value: (r) => r.task_key },
      { header: "subset", value: (r) => r.subset },
      { header: "outcome", value: (r) => r.outcome },
      ...compared.flatMap((run, i): Column<ExportRow>[] => [
        { header: `${run.label} passed`, value: (r) => r.runs[i]?.passed },
        { header: `${run.label} score`, value: (r) => r.runs[i]?.score },
        { header: `${run.label} response`, value: (r) => r.runs[i]?.response },
      ]),
    ];
    return { filename, format: "csv" as const, lines: toCsv(columns, rows()) };
  }
  const head = {
    runs: compared.map((r) => ({
      id: r.id,
      label: r.label,
      model: r.model,
      benchmark: r.benchmark,
      status: r.status,
      created_at: r.created_at,
    })),
    comparisons: pairings.map((p) => ({ run_id: p.run.id, unpaired: p.unpaired, ...p.summary })),
    filters: { vs: selected.run.id, filter: q.filter, subset: q.subset ?? null },
  };
  // Streamed as one JSON document: the summary, then the rows one per line inside "rows".
  const lines = toJsonDocument(head, "rows", rows());
  return { filename, format: "json" as const, lines };
}
