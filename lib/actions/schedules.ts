"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { projectAction } from "@/lib/http/action";
import { runScheduleNow } from "@/lib/services/schedules/fire";
import { createSchedule, deleteSchedule, updateSchedule } from "@/lib/services/schedules/write";
import { CreateSchedule, UpdateSchedule } from "@/lib/validation/automation";

const Id = z.object({ id: z.uuid("Unknown schedule") });

export const createScheduleAction = projectAction("automation.manage", CreateSchedule, async (ctx, input) => {
  const schedule = await createSchedule(ctx, input);
  revalidatePath(`/${ctx.project.key}/schedules`);
  return { id: schedule.id };
});

export const updateScheduleAction = projectAction(
  "automation.manage",
  z.object({ id: z.uuid("Unknown schedule"), changes: UpdateSchedule }),
  async (ctx, input) => {
    const schedule = await updateSchedule(ctx, input.id, input.changes);
    revalidatePath(`/${ctx.project.key}/schedules`, "layout");
    return { id: schedule.id, paused: schedule.paused };
  },
);

export const runScheduleNowAction = projectAction("automation.manage", Id, async (ctx, { id }) => {
  const result = await runScheduleNow(ctx, id);
  revalidatePath(`/${ctx.project.key}/schedules`, "layout");
  return result;
});

export const deleteScheduleAction = projectAction("automation.manage", Id, async (ctx, { id }) => {
  await deleteSchedule(ctx, id);
  revalidatePath(`/${ctx.project.key}/schedules`);
  return { id };
});
