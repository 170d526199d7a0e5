"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { projectAction } from "@/lib/http/action";
import { cancelAbTest } from "@/lib/services/ab-tests/cancel";
import { createAbTest } from "@/lib/services/ab-tests/create";
import { CreateAbTest } from "@/lib/validation/ab-tests";

export const createAbTestAction = projectAction("admin", CreateAbTest, async (ctx, input) => {
  const key = await createAbTest(ctx, input);
  revalidatePath(`/${ctx.project.key}/ab-tests`);
  return { key };
});

export const cancelAbTestAction = projectAction("admin", z.object({ key: z.string().max(64) }), async (ctx, { key }) => {
  const test = await cancelAbTest(ctx, key);
  revalidatePath(`/${ctx.project.key}/ab-tests`, "layout");
  return { status: test.status };
});
