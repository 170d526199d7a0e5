import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { benchmarkTasks, taskOutcomes } from "@/db/schema";
import type { ProjectCtx } from "@/lib/auth/context";
import type { Task } from "@/lib/benchmarks/task";
import { inputText } from "@/lib/prompts/context";
import { getVersionRow } from "@/lib/services/benchmarks/access";

export type TaskDifficulty = {
  position: number;
  task_key: string;
  /** The question (or the last user message of a conversation), so the list reads without opening each task. */
  question: string;
  subset: string | null;
  evaluated: number;
  correct: number;
  models: number;
  rate: number;
};

/**
 * Tasks of one version by how rarely the project's models answered them correctly, from the tallies
 * completed runs leave behind (never the raw results). `unsolved` lists tasks no model has solved after
 * at least two models tried: often a wrong label rather than a hard question.
 */
export async function taskDifficulty(ctx: ProjectCtx, benchmarkId: string, versionNumber: number, limit = 10) {
  const version = await getVersionRow(ctx, benchmarkId, versionNumber);
  const evaluated = sql<number>`sum(${taskOutcomes.evaluated})::int`;
  const correct = sql<number>`sum(${taskOutcomes.correct})::int`;
  const modelCount = sql<number>`count(distinct ${taskOutcomes.modelId})::int`;
  const base = () =>
    db
      .select({
        position: taskOutcomes.position,
        task_key: benchmarkTasks.taskKey,
        input: benchmarkTasks.input,
        subset: benchmarkTasks.subset,
        evaluated,
        correct,
        models: modelCount,
      })
      .from(taskOutcomes)
      .innerJoin(
        benchmarkTasks,
        and(eq(benchmarkTasks.versionId, taskOutcomes.versionId), eq(benchmarkTasks.position, taskOutcomes.position)),
      )
      .where(and(eq(taskOutcomes.projectId, ctx.project.id), eq(taskOutcomes.versionId, version.id)))
      .groupBy(taskOutcomes.position, benchmarkTasks.taskKey, benchmarkTasks.input, benchmarkTasks.subset);
  const withRate = (rows: (Omit<TaskDifficulty, "rate" | "question"> & { input: unknown })[]): TaskDifficulty[] =>
    rows.map(({ input, ...r }) => ({ ...r, question: inputText(input as Task["input"]), rate: r.evaluated ? r.correct / r.evaluated : 0 }));
  const [hardest, unsolved] = await Promise.all([
    base().orderBy(sql`${correct}::float8 / nullif(${evaluated}, 0)`, sql`${evaluated} desc`, taskOutcomes.position).limit(limit),
    base()
      .having(and(sql`${correct} = 0`, sql`${modelCount} >= 2`))
      .orderBy(sql`${evaluated} desc`, taskOutcomes.position)
      .limit(limit),
  ]);
  return { version: version.number, hardest: withRate(hardest), unsolved: withRate(unsolved) };
}
