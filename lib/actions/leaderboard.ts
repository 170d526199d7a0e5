"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { projectAction } from "@/lib/http/action";
import { setRunPublished } from "@/lib/services/runs/publish";

export const publishRunAction = projectAction(
  "run.publish",
  z.object({ id: z.uuid("Unknown run"), published: z.boolean() }),
  async (ctx, { id, published }) => {
    const run = await setRunPublished(ctx, id, published);
    revalidatePath(`/${ctx.project.key}/runs/${id}`);
    revalidatePath("/leaderboard");
    return { published: run.published_at !== null };
  },
);
