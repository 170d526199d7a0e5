"use client";

import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { claimInstanceAction, signUpAction } from "@/lib/actions/accounts";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useAction } from "@/components/ui/use-action";

type Input = { username: string; email: string; password: string; token: string };

/** Sign-up and first-time setup share one form: both create credentials and then sign in with them. */
export function AccountForm({ mode, token }: { mode: "signup" | "setup"; token?: string }) {
  const router = useRouter();
  const [signInError, setSignInError] = useState<string | null>(null);
  const action = useAction(
    (input: Input) => (mode === "setup" ? claimInstanceAction(input) : signUpAction(input)),
    async (_data, input) => {
      const result = await signIn("credentials", { login: input.username, password: input.password, redirect: false });
      if (!result || result.error) {
        setSignInError("Your account is ready, but signing in failed; sign in from the login page");
        return;
      }
      router.replace("/");
      router.refresh();
    },
  );

  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        const get = (k: string) => String(form.get(k) ?? "");
        setSignInError(null);
        action.run({ username: get("username"), email: get("email"), password: get("password"), token: token ?? get("token") });
      }}
    >
      <FormMessage message={signInError ?? action.summary(["token", "username", "email", "password"])} />
      {mode === "setup" && !token ? (
        <TextField
          label="Setup token"
          name="token"
          required
          autoComplete="off"
          error={action.fieldError("token")}
          hint="Printed in the server log the first time Yardstick started."
        />
      ) : null}
      <TextField label="Username" name="username" autoComplete="username" required maxLength={40} error={action.fieldError("username")} />
      <TextField label="Email" name="email" type="email" autoComplete="email" required maxLength={254} error={action.fieldError("email")} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={8}
        maxLength={256}
        error={action.fieldError("password")}
        hint="At least 8 characters; common passwords are rejected."
      />
      <Button type="submit" className="w-full" pending={action.pending}>
        {mode === "setup" ? "Set up instance" : "Create account"}
      </Button>
    </form>
  );
}
