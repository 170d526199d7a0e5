"use server";

import { publicAction } from "@/lib/http/action";
import { claimInstance } from "@/lib/services/users/setup";
import { signUp } from "@/lib/services/users/sign-up";
import { Setup, SignUp } from "@/lib/validation/users";

export const signUpAction = publicAction(SignUp, async (input) => {
  const user = await signUp(input);
  return { username: user.username };
});

export const claimInstanceAction = publicAction(Setup, async (input) => claimInstance(input));
