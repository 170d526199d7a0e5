"use client";

import { useRouter } from "next/navigation";
import { revokeTokenAction } from "@/app/(app)/[project]/settings/tokens/actions";
import { Button } from "@/components/ui/button";
import { useAction } from "@/components/ui/use-action";

export function RevokeToken({ projectKey, tokenId, name }: { projectKey: string; tokenId: string; name: string }) {
  const router = useRouter();
  const action = useAction(
    () => revokeTokenAction(projectKey, { id: tokenId }),
    () => router.refresh(),
  );
  return (
    <div>
      <Button size="sm" variant="danger" pending={action.pending} onClick={() => action.run(undefined)} aria-label={`Revoke ${name}`}>
        Revoke
      </Button>
      {action.failure.message ? (
        <p role="alert" className="mt-1 text-xs text-red-700 dark:text-red-300">
          {action.failure.message}
        </p>
      ) : null}
    </div>
  );
}
