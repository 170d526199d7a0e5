import { and, eq, sql } from "drizzle-orm";
import type PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as runRoute from "@/app/api/v1/schedules/[id]/run/route";
import * as scheduleRoute from "@/app/api/v1/schedules/[id]/route";
import * as schedulesRoute from "@/app/api/v1/schedules/route";
import { db } from "@/db";
import { seed } from "@/lib/server/seed/seed";
import { runs, scheduleOccurrences, schedules } from "@/db/schema";
import type { ProjectCtx } from "@/lib/auth/context";
import { stopQueue } from "@/lib/jobs/queue";
import { fireDueSchedules, runScheduleNow } from "@/lib/services/schedules/fire";
import { getSchedule } from "@/lib/services/schedules/read";
import { createSchedule, updateSchedule } from "@/lib/services/schedules/write";
import { createToken } from "@/lib/services/tokens/tokens";
import { CreateSchedule } from "@/lib/validation/automation";
import { makePair, startAutomationWorker, until } from "../support/automation";
import { addMember, makeProject, makeUser } from "../support/factories";
import { type FakeOpenAI, startFakeOpenAI } from "../support/fake-openai";
import { callRoute } from "../support/route-call";

let ctx: ProjectCtx;
let fake: FakeOpenAI;
let pair: Awaited<ReturnType<typeof makePair>>;

beforeAll(async () => {
  await makeUser();
  await seed(db, { demo: false, baseUrl: "http://x", log: () => {} });
  ctx = await makeProject();
  fake = await startFakeOpenAI();
  pair = await makePair(ctx, fake.url);
}, 60_000);

afterAll(async () => {
  await stopQueue();
  await fake.close();
});

const everyMinute = (name: string) =>
  createSchedule(
    ctx,
    CreateSchedule.parse({
      name,
      model_ids: [pair.modelId],
      benchmark_ids: [pair.benchmarkId],
      config: { num_examples: 5 },
      cadence: { kind: "cron", expression: "* * * * *", timezone: "UTC" },
    }),
  );

/** As if the schedule had last fired two minutes ago, so an occurrence is due now. */
const makeDue = (id: string) => {
  const ago = new Date(Date.now() - 120_000);
  return db.update(schedules).set({ startAt: ago, lastDueAt: ago }).where(eq(schedules.id, id));
};

const scheduledRuns = (id: string) => db.select().from(runs).where(eq(runs.scheduleId, id));

describe("schedules", () => {
  it("fire each cron occurrence exactly once with two workers on pg-boss's clock", async () => {
    const schedule = await everyMinute("two workers");
    await makeDue(schedule.id);
    const workers: PgBoss[] = [await startAutomationWorker(), await startAutomationWorker()];
    try {
      await until(async () => (await scheduledRuns(schedule.id)).length > 0, 20_000, "the scheduled run");
      // Both clocks keep ticking every second meanwhile: nothing more may start within this minute.
      await new Promise((r) => setTimeout(r, 3000));
    } finally {
      await Promise.all(workers.map((w) => w.stop({ graceful: false, wait: true })));
    }
    const occurrences = await db.select().from(scheduleOccurrences).where(eq(scheduleOccurrences.scheduleId, schedule.id));
    const started = await scheduledRuns(schedule.id);
    // A tick that crossed into the next minute may add that minute's occurrence, which skips (the first run is still queued).
    expect(new Set(occurrences.map((o) => o.dueAt.toISOString())).size).toBe(occurrences.length);
    expect(started).toHaveLength(1);
    expect(started[0]).toMatchObject({ origin: "schedule", modelId: pair.modelId, benchmarkId: pair.benchmarkId, totalItems: 5 });
    expect(occurrences.flatMap((o) => o.pairs.filter((p) => p.run_id))).toHaveLength(1);
    // pg-boss itself sent the tick at most once per minute, though two schedulers were running.
    const ticks = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from pgboss.job where name = 'schedule-tick' group by date_trunc('minute', created_on)`,
    );
    expect(ticks.every((t) => t.n === 1)).toBe(true);
  }, 40_000);

  it("starts an occurrence once when two ticks race, and skips a pair whose previous run is still going", async () => {
    const schedule = await everyMinute("race");
    await makeDue(schedule.id);
    const now = new Date();
    await Promise.all([fireDueSchedules(now), fireDueSchedules(now)]);
    expect(await db.select().from(scheduleOccurrences).where(eq(scheduleOccurrences.scheduleId, schedule.id))).toHaveLength(1);
    const [first] = await scheduledRuns(schedule.id);
    expect(first?.status).toBe("scheduled");
    // The first run has not finished (no run worker here): the next occurrence skips the pair and says why.
    const next = await runScheduleNow(ctx, schedule.id);
    expect(next.pairs).toEqual([
      { model_id: pair.modelId, benchmark_id: pair.benchmarkId, run_id: null, skipped: `the previous run ${first?.id} is still running` },
    ]);
    expect(await scheduledRuns(schedule.id)).toHaveLength(1);
    // Once it is over, run now starts the next one.
    await db
      .update(runs)
      .set({ status: "completed" })
      .where(eq(runs.id, first?.id as string));
    const again = await runScheduleNow(ctx, schedule.id);
    expect(again.pairs[0]?.run_id).toEqual(expect.any(String));
    const detail = await getSchedule(ctx, schedule.id);
    expect(detail.occurrences.map((o) => o.pairs[0]?.skipped === null)).toEqual([true, false, true]);
    expect(detail.last_runs).toHaveLength(1);
  });

  it("does not fire while paused, and resuming counts from now", async () => {
    const schedule = await everyMinute("paused");
    await updateSchedule(ctx, schedule.id, { paused: true });
    await makeDue(schedule.id);
    await fireDueSchedules();
    const occurrences = () => db.select().from(scheduleOccurrences).where(eq(scheduleOccurrences.scheduleId, schedule.id));
    expect(await occurrences()).toHaveLength(0);
    // The occurrence missed while paused does not fire on resume; the next minute's would.
    await updateSchedule(ctx, schedule.id, { paused: false });
    await fireDueSchedules();
    expect(await occurrences()).toHaveLength(0);
    await fireDueSchedules(new Date(Date.now() + 60_000));
    expect(await occurrences()).toHaveLength(1);
  });

  it("answers the REST API with roles, validation and project scoping", async () => {
    const viewer = (await createToken(await addMember(ctx, "viewer"), { name: "v", role: "viewer" })).token;
    const member = (await createToken(await addMember(ctx, "member"), { name: "m", role: "member" })).token;
    const stranger = (await createToken(await makeProject(), { name: "o", role: "admin" })).token;
    const body = {
      name: "weekly",
      model_ids: [pair.modelId],
      benchmark_ids: [pair.benchmarkId],
      cadence: { kind: "cron", expression: "0 9 * * 1", timezone: "Europe/Paris" },
    };
    expect((await callRoute(schedulesRoute.POST, "/api/v1/schedules", { token: viewer, method: "POST", body })).status).toBe(403);
    const bad = await callRoute(schedulesRoute.POST, "/api/v1/schedules", {
      token: member,
      method: "POST",
      body: { ...body, cadence: { kind: "cron", expression: "0 9 * *", timezone: "UTC" } },
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.json)).toContain("cadence.expression");
    const created = await callRoute(schedulesRoute.POST, "/api/v1/schedules", { token: member, method: "POST", body });
    expect(created.status).toBe(201);
    const s = created.json as { id: string; cadence_text: string; next_occurrence: string };
    expect(s.cadence_text).toBe("At 09:00, only on Monday (Europe/Paris)");
    expect(new Date(s.next_occurrence).getUTCDay()).toBe(1);
    const params = { id: s.id };
    expect((await callRoute(scheduleRoute.GET, `/api/v1/schedules/${s.id}`, { token: viewer, params })).status).toBe(200);
    expect((await callRoute(scheduleRoute.GET, `/api/v1/schedules/${s.id}`, { token: stranger, params })).status).toBe(404);
    expect((await callRoute(runRoute.POST, `/api/v1/schedules/${s.id}/run`, { token: stranger, method: "POST", params })).status).toBe(404);
    const paused = await callRoute(scheduleRoute.PATCH, `/api/v1/schedules/${s.id}`, {
      token: member,
      method: "PATCH",
      body: { paused: true },
      params,
    });
    expect(paused.json).toMatchObject({ paused: true, next_occurrence: null });
    const ran = await callRoute(runRoute.POST, `/api/v1/schedules/${s.id}/run`, { token: member, method: "POST", params });
    expect(ran.status).toBe(201);
    const listed = await callRoute(schedulesRoute.GET, `/api/v1/schedules?model_id=${pair.modelId}`, { token: viewer });
    expect((listed.json as { id: string }[]).some((x) => x.id === s.id)).toBe(true);
    const audit = await db.execute<{ action: string }>(sql`select action from audit_log where resource_id = ${s.id} order by id`);
    expect(audit.map((a) => a.action)).toEqual(["schedule.create", "schedule.pause", "schedule.run_now"]);
    expect((await callRoute(scheduleRoute.DELETE, `/api/v1/schedules/${s.id}`, { token: member, method: "DELETE", params })).status).toBe(
      204,
    );
    expect(
      await db
        .select()
        .from(schedules)
        .where(and(eq(schedules.id, s.id))),
    ).toHaveLength(0);
  });
});
