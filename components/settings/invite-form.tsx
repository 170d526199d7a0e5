"use client";

import { useRouter } from "next/navigation";
import { useRef } from "react";
import { inviteMemberAction } from "@/lib/actions/members";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useAction } from "@/components/ui/use-action";
import type { Role } from "@/lib/auth/roles";
import { roleOptions } from "./role-options";

export function InviteForm({ projectKey, myRole }: { projectKey: string; myRole: Role }) {
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const action = useAction(
    (input: { login: string; role: Role }) => inviteMemberAction(projectKey, input),
    () => {
      form.current?.reset();
      router.refresh();
    },
  );
  return (
    <form
      ref={form}
      noValidate
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        action.run({ login: String(data.get("login") ?? ""), role: String(data.get("role")) as Role });
      }}
    >
      <FormMessage message={action.summary(["login", "role"])} />
      {action.data ? <FormMessage tone="success" message={`${action.data.username} was added as ${action.data.role}.`} /> : null}
      <div className="grid gap-3 sm:grid-cols-[1fr_12rem_auto] sm:items-start">
        <TextField label="Username or email" name="login" required maxLength={254} autoComplete="off" error={action.fieldError("login")} />
        <SelectField
          label="Role"
          name="role"
          defaultValue="member"
          options={roleOptions(myRole, { includeOwner: true })}
          error={action.fieldError("role")}
        />
        <Button type="submit" className="sm:mt-6" pending={action.pending}>
          Invite
        </Button>
      </div>
    </form>
  );
}
