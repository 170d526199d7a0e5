"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { projectAction } from "@/lib/http/action";
import { setTags } from "@/lib/services/tags/tags";
import { SetTags } from "@/lib/validation/tags";

export const setTagsAction = projectAction(
  "tag.write",
  SetTags.extend({ type: z.enum(["model", "benchmark", "run"]), id: z.uuid("Unknown item") }),
  async (ctx, { type, id, tags }) => {
    const result = await setTags(ctx, type, id, tags);
    revalidatePath(`/${ctx.project.key}`, "layout");
    return result;
  },
);
