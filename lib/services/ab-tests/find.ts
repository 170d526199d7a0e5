import { and, asc, eq } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { abTestArms, abTests, feedbackKeys, models, useCases } from "@/db/schema";
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
  const [row] = await tx
    .select({ test: abTests, useCase: { id: useCases.id, key: useCases.key, name: useCases.name }, feedbackKey: feedbackKeys })
    .from(abTests)
    .innerJoin(useCases, eq(useCases.id, abTests.useCaseId))
    .innerJoin(feedbackKeys, eq(feedbackKeys.id, abTests.feedbackKeyId))
    .where(and(eq(abTests.projectId, ctx.project.id), typeof key === "string" ? eq(abTests.key, key) : eq(abTests.id, key.id)));
  if (!row) throw new AppError("not_found", `A/B test "${typeof key === "string" ? key : key.id}" not found`);
  return { ...row, arms: await armsOf(row.test.id, tx) };
}

export async function armsOf(testId: string, tx: Executor = db) {
  return tx
    .select({ arm: abTestArms, modelKey: models.key, modelName: models.name })
    .from(abTestArms)
    .innerJoin(models, eq(models.id, abTestArms.modelId))
    .where(eq(abTestArms.testId, testId))
    .orderBy(asc(abTestArms.arm))
    .then((rows) => rows.map((r) => ({ ...r.arm, modelKey: r.modelKey, modelName: r.modelName })));
}
