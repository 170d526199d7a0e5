"use client";

import { useId } from "react";
import { controlClass } from "@/components/ui/styles";
import type { Sniffed } from "./sniff";

/** The file input, plus what the browser could read of the file's columns. */
export function FileField({ error, onChoose, sniffed }: { error?: string; onChoose: (f: File | null) => void; sniffed: Sniffed | null }) {
  const id = useId();
  const describedBy = [`${id}-hint`, error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-gray-900 dark:text-gray-100">
        File
      </label>
      <input
        id={id}
        type="file"
        accept=".jsonl,.json,.csv,.gz"
        className={controlClass}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        onChange={(e) => onChoose(e.target.files?.[0] ?? null)}
      />
      <p id={`${id}-hint`} className="mt-1 text-xs text-gray-700 dark:text-gray-300">
        JSONL, JSON array or CSV (UTF-8), optionally gzip-compressed.
      </p>
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-xs font-medium text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : null}
      {sniffed ? (
        <p className="mt-2 text-sm text-gray-900 dark:text-gray-100" data-testid="detected-columns">
          {sniffed.columns.length ? (
            <>
              Detected {sniffed.kind === "csv" ? "CSV columns" : "JSON keys"}: {sniffed.columns.join(", ")}
            </>
          ) : (
            "No columns detected in the first 64 KB; type column names by hand or let the server detect the format."
          )}
        </p>
      ) : null}
    </div>
  );
}
