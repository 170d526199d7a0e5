import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { and, eq } from "drizzle-orm";
import type PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as alertsRoute from "@/app/api/v1/alerts/route";
import { db } from "@/db";
import {
  type AbAlertEvidence,
  abTestArms,
  abTests,
  alertAbEvaluations,
  alertEvents,
  deliveries,
  notifications,
  subscriptions,
} from "@/db/schema";
import type { ProjectCtx } from "@/lib/auth/context";
import { stopQueue } from "@/lib/jobs/queue";
import { checkAbTestSrm } from "@/lib/services/alerts/ab-test-alerts";
import { createAbTest } from "@/lib/services/ab-tests/create";
import { cancelAbTest } from "@/lib/services/ab-tests/cancel";
import { findAbTest } from "@/lib/services/ab-tests/find";
import { settleAbTest } from "@/lib/services/ab-tests/settle";
import { createAlert } from "@/lib/services/alerts/write";
import { createFeedbackKey } from "@/lib/services/feedback/keys";
import { publishEvent } from "@/lib/services/subscriptions/publish";
import { SWEEP_AFTER_SECONDS, sweepDeliveries } from "@/lib/services/subscriptions/sweep";
import { createSubscription } from "@/lib/services/subscriptions/write";
import { CreateAlert, CreateSubscription } from "@/lib/validation/automation";
import { CreateAbTest } from "@/lib/validation/ab-tests";
import { CreateFeedbackKey } from "@/lib/validation/feedback";
import { startAutomationWorker, until } from "../support/automation";
import { addMember, makeProject } from "../support/factories";
import { makeModel, makeUseCase, tokenFor } from "../support/online";
import { callRoute } from "../support/route-call";

let ctx: ProjectCtx;
let worker: PgBoss;
let receiver: Server;
let receiverUrl: string;
const received: string[] = [];
const useCaseIds: Record<string, string> = {};

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => {
      body += c.toString();
    });
    req.on("end", () => {
      received.push(body);
      res.end("ok");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  ctx = await makeProject();
  const a = await makeModel(ctx, `${ctx.project.key}/control`, "simulated");
  const b = await makeModel(ctx, `${ctx.project.key}/challenger`, "simulated");
  for (const uc of ["won", "tie", "cancelled", "srm"]) await makeUseCase(ctx, uc, [a, b]);
  const rows = await db.query.useCases.findMany({ where: (u, { eq }) => eq(u.projectId, ctx.project.id) });
  for (const r of rows) useCaseIds[r.key] = r.id;
  await createFeedbackKey(ctx, CreateFeedbackKey.parse({ key: "thumbs_up", kind: "bool" }));
  worker = await startAutomationWorker();
}, 60_000);

afterAll(async () => {
  await worker?.stop({ graceful: false });
  await stopQueue();
  await new Promise((r) => receiver.close(r));
});

async function startTest(key: string, useCase: string, extra: Record<string, unknown> = {}) {
  const body = {
    key,
    use_case: useCase,
    feedback_key: "thumbs_up",
    feedback_type: "metric",
    traffic_split: 1,
    models: [`${ctx.project.key}/challenger`],
    ...extra,
  };
  await createAbTest(ctx, CreateAbTest.parse(body));
  return (await findAbTest(ctx, key)).test.id;
}

/** Bool feedback sums of an arm with `successes` of `n` (one value per user) and `assigned` requests. */
async function setArm(testId: string, arm: number, n: number, successes: number, assigned = n) {
  await db
    .update(abTestArms)
    .set({ assigned, n, sum: successes, sumSq: successes, clusters: n, clusterSumSq: successes, clusterCross: successes, clusterSizeSq: n })
    .where(and(eq(abTestArms.testId, testId), eq(abTestArms.arm, arm)));
}

const eventsOf = (alertId: string) => db.select().from(alertEvents).where(eq(alertEvents.alertId, alertId));
const alert = (name: string, triggers: unknown[], cooldown = 60) =>
  createAlert(ctx, CreateAlert.parse({ name, cooldown_minutes: cooldown, notify_me: true, triggers }));

describe("alerts on A/B tests", () => {
  it("take the new trigger kinds over REST, validated per row", async () => {
    const admin = await tokenFor(ctx, "admin");
    const viewer = await tokenFor(await addMember(ctx, "viewer"), "viewer");
    const post = (body: unknown, token = admin) => callRoute(alertsRoute.POST, "/api/v1/alerts", { token, method: "POST", body });
    const bad = await post({ name: "x", triggers: [{ kind: "ab_test_srm" }, { kind: "ab_test_done" }] });
    expect(bad.status).toBe(400);
    expect((bad.json as { errors: { path: string }[] }).errors).toEqual([expect.objectContaining({ path: "triggers.1.kind" })]);
    const badCase = await post({ name: "x", triggers: [{ kind: "ab_test_completed", use_case_ids: ["nope"] }] });
    expect(badCase.status).toBe(400);
    expect((await post({ name: "x", triggers: [{ kind: "ab_test_srm" }] }, viewer)).status).toBe(403);
    const ok = await post({
      name: "REST A/B",
      enabled: false,
      triggers: [{ kind: "ab_test_completed" }, { metric: "score", condition: "regression" }],
    });
    expect(ok.status).toBe(201);
    expect((ok.json as { triggers: unknown[] }).triggers).toEqual([
      expect.objectContaining({ kind: "ab_test_completed", use_case_ids: [] }),
      expect.objectContaining({ kind: "run", metric: "score", condition: "regression" }),
    ]);
  });

  it("fire once when a test completes, with the winner and each arm's n and values; respect the cooldown", async () => {
    const completed = await alert("A/B completed", [{ kind: "ab_test_completed" }]);
    const tieOnly = await alert("Tie use case", [{ kind: "ab_test_completed", use_case_ids: [useCaseIds.tie] }], 0);
    const hook = await createSubscription(ctx, CreateSubscription.parse({ kind: "webhook", url: receiverUrl, alert_id: completed.id }));

    const won = await startTest("won-test", "won");
    await setArm(won, 0, 200, 40);
    await setArm(won, 1, 200, 160);
    expect(await settleAbTest(await findAbTest(ctx, "won-test"), ctx.actor)).toBe(true);
    expect(await settleAbTest(await findAbTest(ctx, "won-test"), ctx.actor)).toBe(false);
    const [event, ...more] = await eventsOf(completed.id);
    expect(more).toHaveLength(0);
    expect(event?.abTestId).toBe(won);
    const evidence = event?.evidence as AbAlertEvidence;
    expect(evidence).toMatchObject({
      kind: "ab_test_completed",
      ab_test: { id: won, key: "won-test" },
      outcome: "winner",
      winner: "B",
      link: `/${ctx.project.key}/ab-tests/won-test`,
      arms: [
        { arm: "A", n: 200, assigned: 200, value: 0.2 },
        { arm: "B", n: 200, assigned: 200, value: 0.8 },
      ],
    });
    // Wilson 95% interval of 40/200: scipy.stats.binomtest(40, 200).proportion_ci(method="wilson") = (0.150452, 0.260855).
    expect(evidence.arms[0]?.ci?.[0]).toBeCloseTo(0.150452, 5);
    expect(evidence.arms[0]?.ci?.[1]).toBeCloseTo(0.260855, 5);
    expect(evidence.statement).toContain("B (");
    expect(await eventsOf(tieOnly.id)).toHaveLength(0); // scoped to another use case
    const [bell] = await db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, ctx.actor.userId as string));
    expect(bell).toBeDefined();

    // The webhook delivery was written in the completing transaction and queued once it committed: the sweep has nothing left.
    const [queued] = await db.select().from(deliveries).where(eq(deliveries.subscriptionId, hook.id));
    expect(queued?.queuedAt).not.toBeNull();
    expect(await sweepDeliveries(new Date(Date.now() + (SWEEP_AFTER_SECONDS + 1) * 1000))).toBe(0);
    await until(async () => received.some((b) => b.includes('"won-test"')), 20_000, "webhook of the completed test");

    // A second test completes within the hour (no difference, at ends_at): the cooldown holds the first alert back.
    const tie = await startTest("tie-test", "tie");
    await db
      .update(abTests)
      .set({ endsAt: new Date(Date.now() - 1000) })
      .where(eq(abTests.id, tie));
    expect(await settleAbTest(await findAbTest(ctx, "tie-test"), ctx.actor)).toBe(true);
    expect(await eventsOf(completed.id)).toHaveLength(1);
    const [claim] = await db
      .select()
      .from(alertAbEvaluations)
      .where(and(eq(alertAbEvaluations.testId, tie), eq(alertAbEvaluations.triggerId, completed.triggers[0]?.id as string)));
    expect(claim?.outcome).toBe("cooldown");
    const [tieEvent] = await eventsOf(tieOnly.id);
    expect(tieEvent?.evidence).toMatchObject({
      outcome: "no_significant_difference",
      winner: null,
      statement: expect.stringContaining("no significant"),
    });
  });

  it("never fire for a cancelled test, even with a lopsided assignment", async () => {
    const any = await alert("Any A/B", [{ kind: "ab_test_completed" }, { kind: "ab_test_srm" }], 0);
    const id = await startTest("cancel-test", "cancelled");
    await setArm(id, 0, 0, 0, 900);
    await setArm(id, 1, 0, 0, 100);
    await cancelAbTest(ctx, "cancel-test");
    await checkAbTestSrm();
    expect(await db.select().from(alertEvents).where(eq(alertEvents.abTestId, id))).toHaveLength(0);
    expect(await eventsOf(any.id)).toHaveLength(0);
  });

  it("fire on a sample ratio mismatch once while it lasts, and again after it clears and returns", async () => {
    const srm = await alert("SRM", [{ kind: "ab_test_srm", use_case_ids: [useCaseIds.srm] }], 0);
    const id = await startTest("srm-test", "srm");
    await setArm(id, 0, 0, 0, 520);
    await setArm(id, 1, 0, 0, 480);
    await checkAbTestSrm(); // scipy.stats.chisquare([520, 480]): statistic 1.6, p = 0.206, no mismatch
    expect(await eventsOf(srm.id)).toHaveLength(0);
    await setArm(id, 0, 0, 0, 600);
    await setArm(id, 1, 0, 0, 400);
    await checkAbTestSrm();
    await checkAbTestSrm();
    const [event, ...more] = await eventsOf(srm.id);
    expect(more).toHaveLength(0);
    // scipy.stats.chisquare([600, 400]) = (statistic=40.0, pvalue=2.5396e-10).
    const evidence = event?.evidence as AbAlertEvidence;
    expect(evidence.srm.chi_square).toBeCloseTo(40, 10);
    expect(evidence.srm.p).toBeCloseTo(2.539e-10, 12);
    expect(evidence).toMatchObject({ kind: "ab_test_srm", outcome: null, arms: [{ assigned: 600 }, { assigned: 400 }] });
    await setArm(id, 0, 0, 0, 1000);
    await setArm(id, 1, 0, 0, 1000);
    await checkAbTestSrm();
    await setArm(id, 0, 0, 0, 1300);
    await checkAbTestSrm();
    expect(await eventsOf(srm.id)).toHaveLength(2);
  });
});

describe("the delivery outbox", () => {
  it("queues a delivery whose writer died between the event's commit and queueing it", async () => {
    const hook = await createSubscription(ctx, CreateSubscription.parse({ kind: "webhook", url: receiverUrl, run_events: ["run.failed"] }));
    // The writer's transaction commits the event and its delivery, then the process "dies": nothing is queued.
    const [deliveryId] = await db.transaction((tx) =>
      publishEvent(tx, {
        projectId: ctx.project.id,
        type: "run.failed",
        key: `gap:${hook.id}`,
        title: "gap",
        link: "/x",
        data: { gap: true },
      }),
    );
    const row = async () =>
      (
        await db
          .select()
          .from(deliveries)
          .where(eq(deliveries.id, deliveryId as string))
      )[0];
    expect(await row()).toMatchObject({ status: "pending", queuedAt: null });
    expect(await sweepDeliveries()).toBe(0); // younger than the sweep's grace period
    expect(await sweepDeliveries(new Date(Date.now() + (SWEEP_AFTER_SECONDS + 1) * 1000))).toBe(1);
    expect((await row())?.queuedAt).not.toBeNull();
    await until(async () => (await row())?.status === "delivered", 20_000, "the swept delivery");
    expect(received.filter((b) => b.includes('"gap":true'))).toHaveLength(1);
    expect(await sweepDeliveries(new Date(Date.now() + 60_000))).toBe(0); // queued once
    await db.delete(subscriptions).where(eq(subscriptions.id, hook.id));
  });
});
