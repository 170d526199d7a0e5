"use client";

import { useRouter } from "next/navigation";
import { useId } from "react";
import { changeRoleAction, removeMemberAction } from "@/lib/actions/members";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { controlClass } from "@/components/ui/styles";
import { useAction } from "@/components/ui/use-action";
import type { Role } from "@/lib/auth/roles";
import { roleOptions } from "./role-options";

type Props = { projectKey: string; myRole: Role; userId: string; username: string; role: Role; self: boolean };

/** Role picker and remove button for one member row; saving happens as soon as the role changes. */
export function MemberControls({ projectKey, myRole, userId, username, role, self }: Props) {
  const router = useRouter();
  const id = useId();
  const change = useAction(
    (next: Role) => changeRoleAction(projectKey, { userId, role: next }),
    () => router.refresh(),
  );
  const remove = useAction(
    () => removeMemberAction(projectKey, { userId }),
    () => router.refresh(),
  );
  const error = change.failure.message ?? remove.failure.message;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <label htmlFor={id} className="sr-only">
        Access level of {username}
      </label>
      <select
        id={id}
        className={`${controlClass} w-32`}
        value={(change.pending ? change.variables : change.data?.role) ?? role}
        disabled={change.pending}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => change.run(e.target.value as Role)}
      >
        {roleOptions(myRole, { includeOwner: true }).map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {self ? null : (
        <ConfirmButton
          size="sm"
          label="Remove"
          aria-label={`Remove ${username}`}
          title={`Remove ${username} from this project?`}
          confirmLabel="Remove member"
          pending={remove.pending}
          onConfirm={() => remove.run(undefined)}
        >
          They lose access to the project at once; their past runs and audit entries stay.
        </ConfirmButton>
      )}
      {error ? (
        <p id={`${id}-error`} role="alert" className="w-full text-xs text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : null}
    </div>
  );
}
