import { eq } from "drizzle-orm";
import { db } from "@/db";
import { benchmarkGenerations } from "@/db/schema";
import type { ProjectCtx } from "@/lib/auth/context";
import type { ByteSource } from "@/lib/benchmarks/read/bytes";
import { AppError } from "@/lib/errors";
import { toBenchmarkRow } from "@/lib/generation/generated-task";
import { ImportSettings } from "@/lib/validation/benchmarks";
import type { ImportGeneration } from "@/lib/validation/generation";
import { recordAudit } from "../audit";
import { importBenchmark } from "../benchmarks/import";
import { getGenerationRow } from "./generations";

/**
 * Imports the accepted tasks through the normal import service, as Yardstick JSONL: the same validation,
 * dry run, versioning and duplicate detection as an uploaded file.
 */
export async function importGeneration(ctx: ProjectCtx, id: string, input: ImportGeneration) {
  const row = await getGenerationRow(ctx, id);
  if (row.status !== "completed" && !(row.status === "imported" && input.dry_run))
    throw new AppError("conflict", `This generation is ${row.status}; only a completed one can be imported`);
  const accepted = row.tasks.filter((t) => t.accepted);
  if (accepted.length === 0) throw AppError.field("tasks", "Accept at least one task before importing", "unprocessable");
  const jsonl = accepted.map((t) => JSON.stringify(toBenchmarkRow(t, row.documentName))).join("\n");
  const source: ByteSource = (async function* () {
    yield Buffer.from(jsonl);
  })();
  const target = "create" in input.target ? { create: input.target.create } : { benchmarkId: input.target.benchmark_id };
  const result = await importBenchmark(
    ctx,
    target,
    source,
    ImportSettings.parse({ dry_run: input.dry_run, format: "jsonl", filename: `${row.documentName}.jsonl` }),
  );
  if (!input.dry_run && result.benchmark) {
    const benchmarkId = result.benchmark.id;
    await db.transaction(async (tx) => {
      await tx
        .update(benchmarkGenerations)
        .set({ status: "imported", benchmarkId, updatedAt: new Date() })
        .where(eq(benchmarkGenerations.id, row.id));
      await recordAudit(tx, ctx.actor, ctx.project.id, {
        action: "generation.import",
        resourceType: "benchmark_generation",
        resourceId: row.id,
        details: { benchmark: result.benchmark?.key, version: result.version?.number, tasks: accepted.length },
      });
    });
  }
  return result;
}
