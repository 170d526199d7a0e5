import { and, asc, eq, gt, or, sql } from "drizzle-orm";
import { db } from "@/db";
import { abTestValues, interactions, models } from "@/db/schema";
import type { ProjectCtx } from "@/lib/auth/context";
import { type Column, download, toCsv, toJsonDocument } from "@/lib/export/download";
import type { ExportAbTest } from "@/lib/validation/ab-tests";
import { type AbTest, findAbTest } from "./find";
import { statisticsOf } from "./read";

type ArmFigures = Awaited<ReturnType<typeof statisticsOf>>["arms"][number];
const ARM_COLUMNS: Column<ArmFigures>[] = [
  { header: "arm", value: (a) => a.arm },
  { header: "model", value: (a) => a.model },
  { header: "assigned", value: (a) => a.assigned },
  { header: "n", value: (a) => a.n },
  { header: "value", value: (a) => a.value },
  { header: "ci_low", value: (a) => a.ci?.[0] },
  { header: "ci_high", value: (a) => a.ci?.[1] },
  { header: "method", value: (a) => a.method },
  { header: "difference", value: (a) => a.difference?.value },
  { header: "difference_ci_low", value: (a) => a.difference?.ci?.[0] },
  { header: "difference_ci_high", value: (a) => a.difference?.ci?.[1] },
  { header: "sequence_ci_low", value: (a) => a.sequence?.ci?.[0] },
  { header: "sequence_ci_high", value: (a) => a.sequence?.ci?.[1] },
];

type Row = {
  completion_id: string;
  created_at: Date;
  arm: string | null;
  model: string;
  user: string | null;
  completion: string | null;
  feedback: unknown;
};
const INTERACTION_COLUMNS: Column<Row>[] = [
  { header: "completion_id", value: (r) => r.completion_id },
  { header: "created_at", value: (r) => r.created_at.toISOString() },
  { header: "arm", value: (r) => r.arm },
  { header: "model", value: (r) => r.model },
  { header: "user", value: (r) => r.user },
  { header: "completion", value: (r) => r.completion },
  { header: "feedback", value: (r) => r.feedback },
];

/** The test's interactions in pages of 1,000 (keyset on created_at, id), each with the values counted for it. */
async function* testInteractions(t: AbTest): AsyncGenerator<Row> {
  let after: { at: Date; id: string } | null = null;
  for (;;) {
    const cursor: { at: Date; id: string } | null = after;
    const rows: Row[] = await db
      .select({
        completion_id: interactions.id,
        created_at: interactions.createdAt,
        arm: interactions.abArm,
        model: models.key,
        user: interactions.endUser,
        completion: interactions.completion,
        feedback: sql<unknown>`(select coalesce(json_agg(json_build_object('user', nullif(${abTestValues.endUser}, ''), 'value', ${abTestValues.value})), '[]') from ${abTestValues} where ${abTestValues.testId} = ${t.test.id} and ${abTestValues.interactionId} = ${interactions.id})`,
      })
      .from(interactions)
      .innerJoin(models, eq(models.id, interactions.modelId))
      .where(
        and(
          eq(interactions.abTestId, t.test.id),
          eq(interactions.projectId, t.test.projectId),
          cursor
            ? or(gt(interactions.createdAt, cursor.at), and(eq(interactions.createdAt, cursor.at), gt(interactions.id, cursor.id)))
            : undefined,
        ),
      )
      .orderBy(asc(interactions.createdAt), asc(interactions.id))
      .limit(1000);
    yield* rows;
    const last = rows[rows.length - 1];
    if (!last || rows.length < 1000) return;
    after = { at: last.created_at, id: last.completion_id };
  }
}

/** Per-arm figures or the test's interactions with their counted feedback, as CSV or one JSON document. */
export async function exportAbTest(ctx: ProjectCtx, key: string, query: ExportAbTest): Promise<Response> {
  const t = await findAbTest(ctx, key);
  const name = `ab-test-${key}-${query.include}.${query.format}`;
  if (query.include === "arms") {
    const stats = await statisticsOf(t);
    const arms: ArmFigures[] = stats.arms;
    const lines =
      query.format === "csv"
        ? toCsv(ARM_COLUMNS, arms)
        : toJsonDocument({ test: key, verdict: stats.verdict, srm: stats.srm }, "arms", arms);
    return download(lines, name, query.format);
  }
  const rows = testInteractions(t);
  return download(
    query.format === "csv" ? toCsv(INTERACTION_COLUMNS, rows) : toJsonDocument({ test: key }, "interactions", rows),
    name,
    query.format,
  );
}
