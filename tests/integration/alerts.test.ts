import { RunConfig } from "@/lib/validation/runs";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as alertRoute from "@/app/api/v1/alerts/[id]/route";
import * as alertsRoute from "@/app/api/v1/alerts/route";
import { db } from "@/db";
import { seed } from "@/lib/server/seed/seed";
import { type AlertEvidence, alertEvaluations, alertEvents, type RunAlertEvidence, runResults, runs } from "@/db/schema";
import type { ProjectCtx } from "@/lib/auth/context";
import { computeSummary } from "@/lib/jobs/finalize";
import { stopQueue } from "@/lib/jobs/queue";
import { evaluateAlerts } from "@/lib/services/alerts/evaluate";
import { listAlertEvents } from "@/lib/services/alerts/read";
import { createAlert } from "@/lib/services/alerts/write";
import { listNotifications } from "@/lib/services/subscriptions/notifications";
import { createToken } from "@/lib/services/tokens/tokens";
import { CreateAlert } from "@/lib/validation/automation";
import { makePair } from "../support/automation";
import { addMember, makeProject, makeUser } from "../support/factories";
import { callRoute } from "../support/route-call";

let ctx: ProjectCtx;
let pair: Awaited<ReturnType<typeof makePair>>;
let minutes = 0;

beforeAll(async () => {
  await makeUser();
  await seed(db, { demo: false, baseUrl: "http://x", log: () => {} });
  ctx = await makeProject();
  pair = await makePair(ctx, "http://127.0.0.1:9/v1/chat/completions");
}, 60_000);

afterAll(stopQueue);

/** A completed 20-task run of the pair where exactly the `passing` positions pass, summarised as finalizeRun does. */
async function completedRun(passing: number[]) {
  minutes += 1;
  const [run] = await db
    .insert(runs)
    .values({
      projectId: ctx.project.id,
      modelId: pair.modelId,
      benchmarkId: pair.benchmarkId,
      versionId: pair.versionId,
      status: "completed",
      origin: "api",
      config: RunConfig.parse({}),
      positions: [],
      totalItems: 20,
      doneItems: 20,
      createdAt: new Date(Date.UTC(2026, 0, 1, 0, minutes)),
    })
    .returning();
  if (!run) throw new Error("no run");
  await db.insert(runResults).values(
    Array.from({ length: 20 }, (_, i) => {
      const passed = passing.includes(i + 1);
      return {
        runId: run.id,
        position: i + 1,
        sample: 0,
        taskKey: `k${i + 1}`,
        status: "ok",
        messages: [],
        requestParams: {},
        scores: { exact_match: { value: passed ? 1 : 0, pass: passed } },
        passed,
        score: passed ? 1 : 0,
        latencyMs: 100,
      };
    }),
  );
  await db
    .update(runs)
    .set({ summary: await computeSummary(run.id, 20) })
    .where(eq(runs.id, run.id));
  return run.id;
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const outcome = async (runId: string, triggerId: string) =>
  (
    await db
      .select()
      .from(alertEvaluations)
      .where(and(eq(alertEvaluations.runId, runId), eq(alertEvaluations.triggerId, triggerId)))
  )[0]?.outcome;

describe("alerts", () => {
  it("fire a threshold and a significant-regression trigger once each, not on noise, and respect the cooldown", async () => {
    const below = await createAlert(
      ctx,
      CreateAlert.parse({
        name: "Score below 0.5",
        cooldown_minutes: 60,
        notify_me: true,
        triggers: [{ metric: "score", condition: "threshold", threshold: 0.5, invert: true, model_ids: [pair.modelId] }],
      }),
    );
    const regression = await createAlert(
      ctx,
      CreateAlert.parse({
        name: "Regression",
        cooldown_minutes: 0,
        notify_me: true,
        triggers: [{ metric: "score", condition: "regression", p_value: 0.05 }],
      }),
    );
    const t1 = below.triggers[0]?.id as string;
    const t2 = regression.triggers[0]?.id as string;

    const first = await completedRun(range(1, 18)); // 0.9
    expect(await evaluateAlerts(first)).toBe(0);
    expect(await outcome(first, t1)).toBe("quiet");
    expect(await outcome(first, t2)).toBe("no_data"); // no previous run to compare with

    // Noise: 17/20 vs 18/20 with flips both ways (2 lost, 1 gained): McNemar p = 1.
    const noisy = await completedRun([...range(1, 16), 19]);
    expect(await evaluateAlerts(noisy)).toBe(0);
    expect(await outcome(noisy, t2)).toBe("quiet");

    // 6/20 after 17/20: 11 tasks lost, none gained. McNemar exact p = 2 · 0.5^11 = 0.000977.
    const bad = await completedRun(range(1, 6));
    expect(await evaluateAlerts(bad)).toBe(2);
    expect(await evaluateAlerts(bad)).toBe(0); // redelivered job: already evaluated
    const runEvidence = (e: { evidence: AlertEvidence } | undefined) => e?.evidence as RunAlertEvidence | undefined;
    const [thresholdEvent] = (await listAlertEvents(ctx, below.id, { page: 1, per_page: 10 })).items;
    expect(thresholdEvent?.evidence).toMatchObject({
      metric: "score",
      condition: "threshold",
      value: 0.3,
      n: 20,
      threshold: 0.5,
      invert: true,
    });
    expect(runEvidence(thresholdEvent)?.ci?.[0]).toBeLessThan(0.3);
    const [regressionEvent] = (await listAlertEvents(ctx, regression.id, { page: 1, per_page: 10 })).items;
    expect(regressionEvent?.evidence).toMatchObject({ condition: "regression", test: "mcnemar_exact", previous_run_id: noisy, n: 20 });
    expect(runEvidence(regressionEvent)?.p).toBeCloseTo(2 * 0.5 ** 11, 10);
    expect(runEvidence(regressionEvent)?.difference?.value).toBeCloseTo(6 / 20 - 17 / 20, 10);

    // Still below 0.5 within the hour: the cooldown holds the threshold alert back.
    const worse = await completedRun(range(1, 5));
    expect(await evaluateAlerts(worse)).toBe(0);
    expect(await outcome(worse, t1)).toBe("cooldown");
    expect(await db.select().from(alertEvents).where(eq(alertEvents.alertId, below.id))).toHaveLength(1);
    // After the cooldown it fires again.
    const later = await completedRun(range(1, 4));
    expect(await evaluateAlerts(later, new Date(Date.now() + 61 * 60_000))).toBe(1);

    const bell = await listNotifications(ctx.actor);
    expect(bell.unread).toBe(3);
    expect(bell.items[0]?.link).toBe(`/${ctx.project.key}/alerts/${below.id}`);
  });

  it("answers the REST API with roles, validation and project scoping", async () => {
    const viewer = (await createToken(await addMember(ctx, "viewer"), { name: "v", role: "viewer" })).token;
    const member = (await createToken(await addMember(ctx, "member"), { name: "m", role: "member" })).token;
    const stranger = (await createToken(await makeProject(), { name: "o", role: "admin" })).token;
    const body = { name: "Errors", triggers: [{ metric: "error_rate", condition: "threshold", threshold: 0.2 }] };
    expect((await callRoute(alertsRoute.POST, "/api/v1/alerts", { token: viewer, method: "POST", body })).status).toBe(403);
    const bad = await callRoute(alertsRoute.POST, "/api/v1/alerts", {
      token: member,
      method: "POST",
      body: { name: "x", triggers: [{ metric: "error_rate", condition: "regression" }] },
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.json)).toContain("triggers.0.metric");
    const created = await callRoute(alertsRoute.POST, "/api/v1/alerts", { token: member, method: "POST", body });
    expect(created.status).toBe(201);
    const id = (created.json as { id: string }).id;
    expect((await callRoute(alertRoute.GET, `/api/v1/alerts/${id}`, { token: viewer, params: { id } })).status).toBe(200);
    expect((await callRoute(alertRoute.GET, `/api/v1/alerts/${id}`, { token: stranger, params: { id } })).status).toBe(404);
    expect((await callRoute(alertRoute.DELETE, `/api/v1/alerts/${id}`, { token: viewer, method: "DELETE", params: { id } })).status).toBe(
      403,
    );
    const patched = await callRoute(alertRoute.PATCH, `/api/v1/alerts/${id}`, {
      token: member,
      method: "PATCH",
      body: { enabled: false },
      params: { id },
    });
    expect(patched.json).toMatchObject({ enabled: false, triggers: [{ metric: "error_rate", threshold: 0.2 }] });
  });
});
