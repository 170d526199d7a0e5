"use client";

import { useRouter } from "next/navigation";
import { useRef } from "react";
import { createTokenAction } from "@/lib/actions/tokens";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useAction } from "@/components/ui/use-action";
import type { Role } from "@/lib/auth/roles";
import { NewTokenBox } from "./new-token-box";
import { roleOptions } from "./role-options";

type Input = { name: string; role: "viewer" | "member" | "admin"; expiresInDays?: number };

export function CreateTokenForm({ projectKey, myRole }: { projectKey: string; myRole: Role }) {
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const action = useAction(
    (input: Input) => createTokenAction(projectKey, input),
    () => {
      form.current?.reset();
      router.refresh();
    },
  );
  return (
    <div className="space-y-4">
      {action.data ? <NewTokenBox name={action.data.name} token={action.data.token} /> : null}
      <form
        ref={form}
        noValidate
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          const data = new FormData(e.currentTarget);
          const days = String(data.get("expiresInDays") ?? "").trim();
          action.run({
            name: String(data.get("name") ?? ""),
            role: String(data.get("role")) as Input["role"],
            ...(days ? { expiresInDays: Number(days) } : {}),
          });
        }}
      >
        <FormMessage message={action.summary(["name", "role", "expiresInDays"])} />
        <div className="grid gap-3 sm:grid-cols-3">
          <TextField
            label="Token name"
            name="name"
            required
            maxLength={100}
            autoComplete="off"
            error={action.fieldError("name")}
            hint="What uses it, e.g. CI pipeline."
          />
          <SelectField
            label="Role"
            name="role"
            defaultValue="member"
            options={roleOptions(myRole, { includeOwner: false })}
            error={action.fieldError("role")}
            hint="The most this token may do."
          />
          <TextField
            label="Expires in (days)"
            name="expiresInDays"
            type="number"
            min={1}
            max={3650}
            step={1}
            error={action.fieldError("expiresInDays")}
            hint="Leave empty for no expiry."
          />
        </div>
        <Button type="submit" pending={action.pending}>
          Create token
        </Button>
      </form>
    </div>
  );
}
