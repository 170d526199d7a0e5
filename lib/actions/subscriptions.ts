"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { projectAction } from "@/lib/http/action";
import { createSubscription, deleteSubscription, redeliver } from "@/lib/services/subscriptions/write";
import { CreateSubscription } from "@/lib/validation/automation";

export const createSubscriptionAction = projectAction("automation.manage", CreateSubscription, async (ctx, input) => {
  const subscription = await createSubscription(ctx, input);
  revalidatePath(`/${ctx.project.key}`, "layout");
  return subscription;
});

export const deleteSubscriptionAction = projectAction(
  "automation.manage",
  z.object({ id: z.uuid("Unknown subscription") }),
  async (ctx, { id }) => {
    await deleteSubscription(ctx, id);
    revalidatePath(`/${ctx.project.key}`, "layout");
    return { id };
  },
);

export const redeliverAction = projectAction(
  "automation.manage",
  z.object({ id: z.uuid("Unknown subscription"), delivery_id: z.uuid("Unknown delivery") }),
  async (ctx, { id, delivery_id }) => {
    const result = await redeliver(ctx, id, delivery_id);
    revalidatePath(`/${ctx.project.key}/subscriptions/${id}`);
    return result;
  },
);
