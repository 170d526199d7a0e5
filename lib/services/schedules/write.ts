import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { schedules } from "@/db/schema";
import type { ProjectCtx } from "@/lib/auth/context";
import { AppError } from "@/lib/errors";
import type { CreateSchedule, UpdateSchedule } from "@/lib/validation/automation";
import { recordAudit } from "../audit";
import { getBenchmarkRow } from "../benchmarks/access";
import { getModelRow } from "../models/read";
import { getScheduleRow, serializeSchedule } from "./read";

/** Every model and benchmark must be visible to the project; the field names the first that is not. */
async function assertPairs(ctx: ProjectCtx, modelIds: string[] = [], benchmarkIds: string[] = []) {
  for (const [i, id] of modelIds.entries()) {
    await getModelRow(ctx, { id }).catch(() => {
      throw AppError.field(`model_ids.${i}`, `Model ${id} not found`, "not_found");
    });
  }
  for (const [i, id] of benchmarkIds.entries()) {
    await getBenchmarkRow(ctx, id).catch(() => {
      throw AppError.field(`benchmark_ids.${i}`, `Benchmark ${id} not found`, "not_found");
    });
  }
}

export async function createSchedule(ctx: ProjectCtx, input: CreateSchedule) {
  await assertPairs(ctx, input.model_ids, input.benchmark_ids);
  const now = new Date();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(schedules)
      .values({
        projectId: ctx.project.id,
        name: input.name,
        modelIds: input.model_ids,
        benchmarkIds: input.benchmark_ids,
        config: input.config,
        cadence: input.cadence,
        startAt: input.start_at ?? now,
        paused: input.paused,
        lastDueAt: now,
        createdBy: ctx.actor.userId,
      })
      .returning();
    if (!row) throw new Error("insert returned no row");
    await recordAudit(tx, ctx.actor, ctx.project.id, {
      action: "schedule.create",
      resourceType: "schedule",
      resourceId: row.id,
      details: { name: row.name, cadence: row.cadence },
    });
    return serializeSchedule(row);
  });
}

/**
 * Changes a schedule. A new cadence or start, or resuming, counts from now: occurrences that fell
 * due while it was paused or under the old cadence never fire.
 */
export async function updateSchedule(ctx: ProjectCtx, id: string, input: UpdateSchedule) {
  const current = await getScheduleRow(ctx, id);
  await assertPairs(ctx, input.model_ids, input.benchmark_ids);
  const restart = input.cadence !== undefined || input.start_at !== undefined || (current.paused && input.paused === false);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(schedules)
      .set({
        name: input.name,
        modelIds: input.model_ids,
        benchmarkIds: input.benchmark_ids,
        config: input.config,
        cadence: input.cadence,
        startAt: input.start_at,
        paused: input.paused,
        ...(restart ? { lastDueAt: new Date() } : {}),
        updatedAt: new Date(),
      })
      .where(and(eq(schedules.id, id), eq(schedules.projectId, ctx.project.id)))
      .returning();
    if (!row) throw new AppError("not_found", "Schedule not found");
    const action = input.paused === true && !current.paused ? "pause" : input.paused === false && current.paused ? "resume" : "update";
    await recordAudit(tx, ctx.actor, ctx.project.id, {
      action: `schedule.${action}`,
      resourceType: "schedule",
      resourceId: id,
      details: { fields: Object.keys(input) },
    });
    return serializeSchedule(row);
  });
}

export async function deleteSchedule(ctx: ProjectCtx, id: string): Promise<void> {
  const row = await getScheduleRow(ctx, id);
  await db.transaction(async (tx) => {
    await tx.delete(schedules).where(and(eq(schedules.id, id), eq(schedules.projectId, ctx.project.id)));
    await recordAudit(tx, ctx.actor, ctx.project.id, {
      action: "schedule.delete",
      resourceType: "schedule",
      resourceId: id,
      details: { name: row.name },
    });
  });
}
