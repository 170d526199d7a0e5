"use server";

import { publicAction } from "@/lib/http/action";
import { signUp } from "@/lib/services/users/sign-up";
import { SignUp } from "@/lib/validation/users";

export const signUpAction = publicAction(SignUp, async (input) => {
  const user = await signUp(input);
  return { username: user.username };
});
