"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { projectAction } from "@/lib/http/action";
import { createAlert, deleteAlert, updateAlert } from "@/lib/services/alerts/write";
import { CreateAlert, UpdateAlert } from "@/lib/validation/automation";

export const createAlertAction = projectAction("automation.manage", CreateAlert, async (ctx, input) => {
  const alert = await createAlert(ctx, input);
  revalidatePath(`/${ctx.project.key}/alerts`);
  return { id: alert.id };
});

export const updateAlertAction = projectAction(
  "automation.manage",
  z.object({ id: z.uuid("Unknown alert"), changes: UpdateAlert }),
  async (ctx, input) => {
    const alert = await updateAlert(ctx, input.id, input.changes);
    revalidatePath(`/${ctx.project.key}/alerts`, "layout");
    return { id: alert.id, enabled: alert.enabled };
  },
);

export const deleteAlertAction = projectAction("automation.manage", z.object({ id: z.uuid("Unknown alert") }), async (ctx, { id }) => {
  await deleteAlert(ctx, id);
  revalidatePath(`/${ctx.project.key}/alerts`);
  return { id };
});
