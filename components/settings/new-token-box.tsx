"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { controlClass } from "@/components/ui/styles";

/** The only time a token's secret is visible: it is stored hashed and cannot be shown again. */
export function NewTokenBox({ name, token }: { name: string; token: string }) {
  const id = useId();
  const [copied, setCopied] = useState(false);
  return (
    <div role="status" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-4 dark:border-amber-700 dark:bg-amber-950">
      <p className="text-sm font-semibold text-amber-900 dark:text-amber-100">
        Copy your new token “{name}” now. You will not be able to see it again.
      </p>
      <label htmlFor={id} className="block text-sm font-medium text-amber-900 dark:text-amber-100">
        New API token
      </label>
      <div className="flex gap-2">
        <input
          id={id}
          data-testid="new-token"
          readOnly
          value={token}
          className={`${controlClass} font-mono`}
          onFocus={(e) => e.currentTarget.select()}
        />
        <Button
          variant="secondary"
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(token);
              setCopied(true);
            } catch {
              document.getElementById(id)?.focus();
            }
          }}
        >
          {copied ? "Copied" : "Copy"}
        </Button>
      </div>
    </div>
  );
}
