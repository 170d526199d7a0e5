import { and, count, desc, eq, inArray, type SQL } from "drizzle-orm";
import { db } from "@/db";
import { abTests, feedbackKeys, useCases } from "@/db/schema";
import type { ProjectCtx } from "@/lib/auth/context";
import type { Page } from "@/lib/http/pagination";
import { armEstimate } from "@/lib/scoring/ab/arm-estimate";
import type { ListAbTests } from "@/lib/validation/ab-tests";
import { type AbTest, type AbTestRow, armLabel, armsOfTests, findAbTest } from "./find";
import { settleAbTest } from "./settle";
import { metricArms, preferenceOf, seriesOf, srmOf, verdictOf } from "./stats";

function serializeTest(test: AbTestRow, useCase: string, feedbackKey: string) {
  return {
    id: test.id,
    key: test.key,
    use_case: useCase,
    feedback_key: feedbackKey,
    feedback_type: test.feedbackType,
    traffic_split: test.trafficSplit,
    auto_deploy: test.autoDeploy,
    min_samples_per_arm: test.minSamplesPerArm,
    max_samples_per_arm: test.maxSamplesPerArm,
    ends_at: test.endsAt,
    status: test.status,
    outcome: test.outcome,
    winner: test.winnerArm === null ? null : armLabel(test.winnerArm),
    note: test.note,
    deployed_at: test.deployedAt,
    created_at: test.createdAt,
    ended_at: test.endedAt,
  };
}

/** Tests of the project, newest first, with each arm's model, n and the current leader. */
export async function listAbTests(ctx: ProjectCtx, filters: ListAbTests, page: Page) {
  const conditions: SQL[] = [eq(abTests.projectId, ctx.project.id)];
  if (filters.status) conditions.push(eq(abTests.status, filters.status));
  if (filters.active !== undefined)
    conditions.push(filters.active ? eq(abTests.status, "running") : inArray(abTests.status, ["completed", "cancelled"]));
  if (filters.use_case) conditions.push(eq(useCases.key, filters.use_case));
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    db
      .select({ test: abTests, useCase: useCases.key, feedbackKey: feedbackKeys })
      .from(abTests)
      .innerJoin(useCases, eq(useCases.id, abTests.useCaseId))
      .innerJoin(feedbackKeys, eq(feedbackKeys.id, abTests.feedbackKeyId))
      .where(where)
      .orderBy(desc(abTests.createdAt))
      .limit(page.per_page)
      .offset((page.page - 1) * page.per_page),
    db.select({ n: count() }).from(abTests).innerJoin(useCases, eq(useCases.id, abTests.useCaseId)).where(where),
  ]);
  const arms = rows.length ? await armsOfTests(rows.map((r) => r.test.id)) : [];
  const items = rows.map(({ test, useCase, feedbackKey }) => {
    const mine = arms.filter((a) => a.testId === test.id);
    const sign = feedbackKey.scoringType === "higher_is_better" ? 1 : -1;
    const values = mine.map((a) => (a.n ? (sign * a.sum) / a.n : Number.NEGATIVE_INFINITY));
    const best = test.feedbackType === "metric" && mine.some((a) => a.n > 0) ? values.indexOf(Math.max(...values)) : -1;
    return {
      ...serializeTest(test, useCase, feedbackKey.key),
      arms: mine.map((a) => ({ arm: armLabel(a.arm), model: a.modelKey, n: a.n, assigned: a.assigned })),
      leader: test.winnerArm !== null ? armLabel(test.winnerArm) : best >= 0 ? armLabel(best) : null,
    };
  });
  return { items, count: total?.n ?? 0, page: page.page, per_page: page.per_page };
}

/** The test with its statistics; looking at a running test also settles it when its verdict is in (e.g. ends_at passed). */
export async function getAbTest(ctx: ProjectCtx, key: string) {
  let t: AbTest = await findAbTest(ctx, key);
  if (await settleAbTest(t, ctx.actor)) t = await findAbTest(ctx, key);
  return statisticsOf(t);
}

export async function statisticsOf(t: AbTest) {
  const [preference, series] = await Promise.all([preferenceOf(t), seriesOf(t)]);
  const srm = srmOf(t);
  const verdict = verdictOf(t, preference);
  return {
    ...serializeTest(t.test, t.useCase.key, t.feedbackKey.key),
    feedback_kind: t.feedbackKey.kind,
    scoring_type: t.feedbackKey.scoringType,
    verdict,
    srm: { chi_square: srm.chiSquare, p: srm.p, warning: srm.warning, planned_shares: t.arms.map(() => 1 / t.arms.length) },
    arms:
      t.test.feedbackType === "metric"
        ? metricArms(t)
        : t.arms.map((a, i) => ({
            arm: armLabel(i),
            model: a.modelKey,
            model_name: a.modelName,
            assigned: a.assigned,
            ...armEstimate(a, t.feedbackKey.kind),
            difference: null,
            sequence: null,
            statement: null,
          })),
    preference: preference && {
      arms: preference.arms.map((a, i) => ({ arm: armLabel(i), model: t.arms[i]?.modelKey, ...a })),
      win_rates: preference.winRates,
    },
    series,
  };
}
