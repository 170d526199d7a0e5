"use server";

import { publicAction } from "@/lib/http/action";
import { claimInstance } from "@/lib/services/users/setup";
import { Setup } from "@/lib/validation/users";

export const claimInstanceAction = publicAction(Setup, async (input) => claimInstance(input));
