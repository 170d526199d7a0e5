"use client";

import { useRouter } from "next/navigation";
import { revokeTokenAction } from "@/lib/actions/tokens";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { useAction } from "@/components/ui/use-action";

export function RevokeToken({ projectKey, tokenId, name }: { projectKey: string; tokenId: string; name: string }) {
  const router = useRouter();
  const action = useAction(
    () => revokeTokenAction(projectKey, { id: tokenId }),
    () => router.refresh(),
  );
  return (
    <div>
      <ConfirmButton
        size="sm"
        label="Revoke"
        aria-label={`Revoke ${name}`}
        title={`Revoke the token ${name}?`}
        confirmLabel="Revoke token"
        pending={action.pending}
        onConfirm={() => action.run(undefined)}
      >
        Scripts using it stop working immediately. This cannot be undone.
      </ConfirmButton>
      {action.failure.message ? (
        <p role="alert" className="mt-1 text-xs text-red-700 dark:text-red-300">
          {action.failure.message}
        </p>
      ) : null}
    </div>
  );
}
