"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { projectAction } from "@/lib/http/action";
import { cancelAbTest } from "@/lib/services/ab-tests/cancel";
import { createAbTest } from "@/lib/services/ab-tests/create";
import { nextLabellingPair, recordLabel } from "@/lib/services/ab-tests/labelling";
import { CreateAbTest } from "@/lib/validation/ab-tests";

export const createAbTestAction = projectAction("usecase.manage", CreateAbTest, async (ctx, input) => {
  const key = await createAbTest(ctx, input);
  revalidatePath(`/${ctx.project.key}/ab-tests`);
  return { key };
});

export const cancelAbTestAction = projectAction("usecase.manage", z.object({ key: z.string().max(64) }), async (ctx, { key }) => {
  const test = await cancelAbTest(ctx, key);
  revalidatePath(`/${ctx.project.key}/ab-tests`, "layout");
  return { status: test.status };
});

export const nextPairAction = projectAction("feedback.write", z.object({ key: z.string().max(64) }), async (ctx, { key }) =>
  nextLabellingPair(ctx, key),
);

export const recordLabelAction = projectAction(
  "feedback.write",
  z.object({
    key: z.string().max(64),
    shown: z.tuple([z.uuid(), z.uuid()]),
    choice: z.enum(["first", "second", "tie", "both_bad"], "choose A, B, tie or both bad"),
  }),
  async (ctx, { key, ...label }) => {
    await recordLabel(ctx, key, label);
    return { ok: true };
  },
);
