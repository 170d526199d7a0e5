"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { projectAction } from "@/lib/http/action";
import { createToken, revokeToken } from "@/lib/services/tokens/tokens";
import { CreateToken } from "@/lib/validation/projects";

export const createTokenAction = projectAction("token.manage", CreateToken, async (ctx, input) => {
  const token = await createToken(ctx, input);
  revalidatePath(`/${ctx.project.key}/settings/tokens`);
  return { id: token.id, name: token.name, role: token.role, token: token.token };
});

export const revokeTokenAction = projectAction("token.manage", z.object({ id: z.uuid("Unknown token") }), async (ctx, { id }) => {
  await revokeToken(ctx, id);
  revalidatePath(`/${ctx.project.key}/settings/tokens`);
  return { id };
});
