import { eq } from "drizzle-orm";
import { db } from "@/db";
import { benchmarks } from "@/db/schema";
import type { ProjectCtx } from "@/lib/auth/context";
import { assertValidScorers, assertValidTemplates } from "@/lib/jobs/score";
import type { UpdateBenchmark } from "@/lib/validation/benchmarks";
import { recordAudit } from "../audit";
import { writableBenchmark } from "./access";
import { getBenchmark } from "./read";

/** Edits a benchmark's description and the defaults its runs start from (tasks change only by new versions). */
export async function updateBenchmark(ctx: ProjectCtx, id: string, input: UpdateBenchmark) {
  await writableBenchmark(ctx, id);
  if (input.defaults) {
    try {
      assertValidScorers(input.defaults.scorers);
      assertValidTemplates(input.defaults.prompt_templates);
    } catch (error) {
      // Name the field as it was sent: defaults.scorers…, not config.scorers….
      const e = error as { errors?: { path: string }[] };
      for (const f of e.errors ?? []) f.path = f.path.replace(/^config\./, "defaults.");
      throw error;
    }
  }
  await db.transaction(async (tx) => {
    await tx
      .update(benchmarks)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(benchmarks.id, id));
    await recordAudit(tx, ctx.actor, ctx.project.id, {
      action: "benchmark.update",
      resourceType: "benchmark",
      resourceId: id,
      details: { changed: Object.keys(input) },
    });
  });
  return getBenchmark(ctx, id);
}
