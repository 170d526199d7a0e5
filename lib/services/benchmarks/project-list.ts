import { and, eq, inArray } from "drizzle-orm";
import { db } from "@/db";
import { benchmarks, projectBenchmarks } from "@/db/schema";
import { projectList } from "../project-list";
import { visibleBenchmarks } from "./access";

const list = projectList({
  kind: "benchmark",
  visible: async (ctx, ids) =>
    (
      await db
        .select({ id: benchmarks.id })
        .from(benchmarks)
        .where(and(inArray(benchmarks.id, ids), visibleBenchmarks(ctx)))
    ).map((r) => r.id),
  link: (tx, projectId, ids) =>
    tx
      .insert(projectBenchmarks)
      .values(ids.map((benchmarkId) => ({ projectId, benchmarkId })))
      .onConflictDoNothing(),
  unlink: (tx, projectId, ids) =>
    tx.delete(projectBenchmarks).where(and(eq(projectBenchmarks.projectId, projectId), inArray(projectBenchmarks.benchmarkId, ids))),
});

export const addBenchmarksToProject = list.add;
export const removeBenchmarksFromProject = list.remove;
