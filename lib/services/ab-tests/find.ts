import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { abTestArmShards, abTestArms, abTests, feedbackKeys, models, useCases } from "@/db/schema";
import type { ProjectCtx } from "@/lib/auth/context";
import { AppError } from "@/lib/errors";

export type AbTestRow = typeof abTests.$inferSelect;
export type AbArmRow = typeof abTestArms.$inferSelect;
export type AbTest = {
  test: AbTestRow;
  useCase: { id: string; key: string; name: string };
  feedbackKey: typeof feedbackKeys.$inferSelect;
  arms: (AbArmRow & { modelKey: string; modelName: string })[];
};

/** Arm labels: A is the control. */
export const armLabel = (arm: number) => String.fromCharCode(65 + arm);

/** A test of this project, by key or id, with its use case, feedback key and arms (404 otherwise). */
export async function findAbTest(ctx: ProjectCtx, key: string | { id: string }, tx: Executor = db): Promise<AbTest> {
  const where = and(eq(abTests.projectId, ctx.project.id), typeof key === "string" ? eq(abTests.key, key) : eq(abTests.id, key.id));
  const [found] = await loadAbTests(where, tx);
  if (!found) throw new AppError("not_found", `A/B test "${typeof key === "string" ? key : key.id}" not found`);
  return found;
}

/** Tests matching `where` (callers scope it: a project, or the system's own jobs), each with its arms. */
export async function loadAbTests(where: SQL | undefined, tx: Executor = db): Promise<AbTest[]> {
  const rows = await tx
    .select({ test: abTests, useCase: { id: useCases.id, key: useCases.key, name: useCases.name }, feedbackKey: feedbackKeys })
    .from(abTests)
    .innerJoin(useCases, eq(useCases.id, abTests.useCaseId))
    .innerJoin(feedbackKeys, eq(feedbackKeys.id, abTests.feedbackKeyId))
    .where(where);
  const arms = rows.length
    ? await armsOfTests(
        rows.map((r) => r.test.id),
        tx,
      )
    : [];
  return rows.map((row) => ({ ...row, arms: arms.filter((a) => a.testId === row.test.id) }));
}

const SUMS = ["n", "sum", "sumSq", "clusters", "clusterSumSq", "clusterCross", "clusterSizeSq"] as const;
type Sum = (typeof SUMS)[number];

/** Arms of these tests in order, with their model and feedback sums: the arm row's plus its shards'. */
export async function armsOfTests(testIds: string[], tx: Executor = db) {
  const s = abTestArmShards;
  const totals = Object.fromEntries(SUMS.map((c) => [c, sql<number>`sum(${s[c]})::float8`.as(`shards_${c}`)])) as Record<
    Sum,
    SQL.Aliased<number>
  >;
  const shards = tx
    .select({ testId: s.testId, arm: s.arm, ...totals })
    .from(s)
    .where(inArray(s.testId, testIds))
    .groupBy(s.testId, s.arm)
    .as("shards");
  const added = Object.fromEntries(SUMS.map((c) => [c, shards[c]])) as Record<Sum, SQL.Aliased<number>>;
  const rows = await tx
    .select({ arm: abTestArms, modelKey: models.key, modelName: models.name, added })
    .from(abTestArms)
    .innerJoin(models, eq(models.id, abTestArms.modelId))
    .leftJoin(shards, and(eq(shards.testId, abTestArms.testId), eq(shards.arm, abTestArms.arm)))
    .where(inArray(abTestArms.testId, testIds))
    .orderBy(asc(abTestArms.testId), asc(abTestArms.arm));
  return rows.map(({ arm, modelKey, modelName, added }) => {
    const sums = Object.fromEntries(SUMS.map((c) => [c, arm[c] + (added?.[c] ?? 0)])) as Pick<AbArmRow, Sum>;
    return { ...arm, ...sums, modelKey, modelName };
  });
}

export const armsOf = (testId: string, tx: Executor = db) => armsOfTests([testId], tx);
