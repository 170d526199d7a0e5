import { and, eq, inArray } from "drizzle-orm";
import { db } from "@/db";
import { ACTIVE_RUN_STATUSES, type OccurrencePair, runs, scheduleOccurrences, schedules, users } from "@/db/schema";
import { type ProjectCtx, projectContext } from "@/lib/auth/context";
import { dueOccurrence } from "@/lib/automation/cadence";
import { AppError } from "@/lib/errors";
import { CreateRun, RunConfig } from "@/lib/validation/runs";
import { recordAudit } from "../audit";
import { createRun } from "../runs/create";
import { getScheduleRow } from "./read";

type ScheduleRow = typeof schedules.$inferSelect;

/**
 * The scheduler tick (once a minute, from pg-boss's cron): records each due occurrence once — the unique
 * (schedule, due time) key makes a second tick or a second worker a no-op — then starts pending ones.
 */
export async function fireDueSchedules(now = new Date()): Promise<void> {
  const active = await db.select().from(schedules).where(eq(schedules.paused, false));
  for (const s of active) {
    const due = dueOccurrence(s.cadence, s.startAt, s.lastDueAt, now);
    if (!due) continue;
    await db.transaction(async (tx) => {
      await tx.insert(scheduleOccurrences).values({ scheduleId: s.id, dueAt: due }).onConflictDoNothing();
      await tx.update(schedules).set({ lastDueAt: due }).where(eq(schedules.id, s.id));
    });
  }
  const pending = await db
    .select({ id: scheduleOccurrences.id })
    .from(scheduleOccurrences)
    .where(eq(scheduleOccurrences.status, "pending"));
  for (const { id } of pending) await processOccurrence(id);
}

/** The schedule's creator acts for it, with their current role: a creator who left the project stops it. */
async function scheduleContext(s: ScheduleRow): Promise<ProjectCtx> {
  const [user] = s.createdBy ? await db.select().from(users).where(eq(users.id, s.createdBy)) : [];
  if (!user) throw new AppError("forbidden", "The schedule's creator no longer exists; edit the schedule to take it over");
  return projectContext({ userId: user.id, username: user.username, isAdmin: user.isAdmin }, { id: s.projectId }, "member");
}

/** Starts one pair's run, or says why not. The idempotency key makes a redelivered occurrence reuse its run. */
async function startPair(
  ctx: ProjectCtx,
  s: ScheduleRow,
  occurrenceId: string,
  modelId: string,
  benchmarkId: string,
): Promise<OccurrencePair> {
  const pair = { model_id: modelId, benchmark_id: benchmarkId };
  const [active] = await db
    .select({ id: runs.id })
    .from(runs)
    .where(
      and(
        eq(runs.scheduleId, s.id),
        eq(runs.modelId, modelId),
        eq(runs.benchmarkId, benchmarkId),
        inArray(runs.status, [...ACTIVE_RUN_STATUSES]),
      ),
    )
    .limit(1);
  if (active) return { ...pair, run_id: null, skipped: `the previous run ${active.id} is still running` };
  try {
    const input = CreateRun.parse({ model_id: modelId, benchmark_id: benchmarkId, config: RunConfig.parse(s.config) });
    const { run } = await createRun(ctx, input, "schedule", `schedule:${occurrenceId}:${modelId}:${benchmarkId}`);
    await db.update(runs).set({ scheduleId: s.id }).where(eq(runs.id, run.id));
    return { ...pair, run_id: run.id, skipped: null };
  } catch (error) {
    if (error instanceof AppError) return { ...pair, run_id: null, skipped: error.message };
    throw error;
  }
}

/** Starts an occurrence's runs once: the row lock keeps two workers off the same occurrence. */
export async function processOccurrence(occurrenceId: string): Promise<OccurrencePair[] | null> {
  return db.transaction(async (tx) => {
    const [occurrence] = await tx
      .select()
      .from(scheduleOccurrences)
      .where(and(eq(scheduleOccurrences.id, occurrenceId), eq(scheduleOccurrences.status, "pending")))
      .for("update", { skipLocked: true });
    if (!occurrence) return null;
    const [s] = await tx.select().from(schedules).where(eq(schedules.id, occurrence.scheduleId));
    if (!s) return null;
    const pairs: OccurrencePair[] = [];
    const ctx = await scheduleContext(s).catch((error: unknown) => {
      if (error instanceof AppError) return error;
      throw error;
    });
    for (const modelId of s.modelIds) {
      for (const benchmarkId of s.benchmarkIds) {
        pairs.push(
          ctx instanceof AppError
            ? { model_id: modelId, benchmark_id: benchmarkId, run_id: null, skipped: ctx.message }
            : await startPair(ctx, s, occurrence.id, modelId, benchmarkId),
        );
      }
    }
    await tx.update(scheduleOccurrences).set({ status: "done", pairs }).where(eq(scheduleOccurrences.id, occurrence.id));
    return pairs;
  });
}

/** "Run now": an extra occurrence at this moment, started at once, with the same skips as a timed one. */
export async function runScheduleNow(ctx: ProjectCtx, id: string) {
  const s = await getScheduleRow(ctx, id);
  const occurrence = await db.transaction(async (tx) => {
    const [row] = await tx.insert(scheduleOccurrences).values({ scheduleId: s.id, dueAt: new Date(), manual: true }).returning();
    if (!row) throw new Error("insert returned no row");
    await recordAudit(tx, ctx.actor, ctx.project.id, { action: "schedule.run_now", resourceType: "schedule", resourceId: s.id });
    return row;
  });
  const pairs = (await processOccurrence(occurrence.id)) ?? [];
  return { occurrence_id: occurrence.id, pairs };
}
