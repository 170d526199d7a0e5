"use server";

import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/http/action";
import { updateProfile } from "@/lib/services/users/profile";
import { UpdateProfile } from "@/lib/validation/users";

export const updateProfileAction = userAction(UpdateProfile, async (actor, input) => {
  await updateProfile(actor, input);
  revalidatePath("/", "layout");
  return { username: input.username ?? actor.username };
});
