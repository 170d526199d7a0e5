"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const login = useMutation({
    mutationFn: async (credentials: { login: string; password: string }) => {
      const result = await signIn("credentials", { ...credentials, redirect: false });
      if (!result || result.error) throw new Error(result?.error ?? "Could not sign in; try again");
    },
    onSuccess: () => {
      router.replace(callbackUrl);
      router.refresh();
    },
  });
  const message = login.error?.message === "CredentialsSignin" ? "Invalid email/username or password" : login.error?.message;

  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        login.mutate({ login: String(form.get("login") ?? ""), password: String(form.get("password") ?? "") });
      }}
    >
      <FormMessage message={message} />
      <TextField label="Email or username" name="login" autoComplete="username" required maxLength={254} />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required maxLength={256} />
      <Button type="submit" className="w-full" pending={login.isPending}>
        Sign in
      </Button>
    </form>
  );
}
