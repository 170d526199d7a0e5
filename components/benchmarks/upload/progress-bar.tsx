import type { Progress } from "./types";

/** Bytes sent, then the rows the server has validated or imported so far; "Failed" when the server refused the file. */
export function ProgressBar({ progress, state }: { progress: Progress; state: "working" | "done" | "failed" }) {
  const done = state === "done";
  // Tiny files may finish before the browser reports any upload progress.
  const percent = done ? 100 : progress.total > 0 ? Math.min(100, Math.round((progress.sent / progress.total) * 100)) : 0;
  const rows =
    progress.phase === "sending"
      ? null
      : `Rows ${progress.phase === "importing" ? "imported" : "validated"}: ${progress.rows.toLocaleString("en-US")}`;
  return (
    <div className="space-y-1" aria-live="polite">
      <div
        role="progressbar"
        aria-label="Upload progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="h-2 w-full overflow-hidden rounded-full bg-gray-200 dark:bg-gray-700"
      >
        <div className="h-full bg-brand-600 transition-all" style={{ width: `${percent}%` }} />
      </div>
      <p className="text-sm text-gray-700 dark:text-gray-300">
        {state === "failed"
          ? "Failed: see the message above"
          : done
            ? "Done"
            : percent < 100
              ? `Sending file: ${percent}%`
              : "File sent; the server is reading it"}
        {rows ? ` · ${rows}` : ""}
      </p>
    </div>
  );
}
