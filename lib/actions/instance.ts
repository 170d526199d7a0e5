"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { userAction } from "@/lib/http/action";
import { setOpenSignup } from "@/lib/services/instance";

export const setOpenSignupAction = userAction(z.object({ open: z.boolean() }), async (actor, { open }) => {
  await setOpenSignup(actor, open);
  revalidatePath("/admin");
  return { open };
});
