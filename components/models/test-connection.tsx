"use client";

import { testConnectionAction } from "@/lib/actions/models";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { useAction } from "@/components/ui/use-action";

export function TestConnection({ projectKey, modelId }: { projectKey: string; modelId: string }) {
  const action = useAction((id: string) => testConnectionAction(projectKey, { id }));
  const result = action.data;
  return (
    <div className="space-y-3">
      <Button variant="secondary" pending={action.pending} onClick={() => action.run(modelId)}>
        {action.pending ? "Testing…" : "Test connection"}
      </Button>
      <div aria-live="polite">
        {action.failure.message ? <FormMessage message={action.failure.message} /> : null}
        {result ? (
          <div
            data-testid="connection-result"
            className={`rounded-md border px-4 py-3 text-sm ${
              result.ok
                ? "border-green-300 bg-green-50 text-green-900 dark:border-green-800 dark:bg-green-950 dark:text-green-100"
                : "border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
            }`}
          >
            {result.ok ? (
              <>
                <p className="font-semibold">
                  Connected in {result.latency_ms} ms{result.simulated ? " (simulated)" : ""}
                </p>
                <p className="mt-1 break-words">
                  <span className="font-medium">Answer:</span> {result.answer || "(empty answer)"}
                </p>
              </>
            ) : (
              <>
                <p className="font-semibold">Connection failed after {result.latency_ms} ms</p>
                <p className="mt-1 break-words">{result.error}</p>
                <p className="mt-1">
                  <span className="font-medium">Kind:</span> {result.kind}
                  {result.status != null ? (
                    <>
                      {" · "}
                      <span className="font-medium">Status:</span> {result.status}
                    </>
                  ) : null}
                </p>
              </>
            )}
          </div>
        ) : null}
      </div>
    </div>
  );
}
