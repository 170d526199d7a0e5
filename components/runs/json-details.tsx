import { focusRing } from "@/components/ui/styles";

export const preClass =
  "max-h-96 overflow-auto whitespace-pre-wrap break-words rounded bg-gray-100 p-2 font-mono text-xs text-gray-900 dark:bg-gray-800 dark:text-gray-100";

/** Stored JSON, collapsed under a summary and shown as text (never as HTML). */
export function JsonDetails({ summary, value }: { summary: string; value: unknown }) {
  return (
    <details className="text-sm">
      <summary className={`cursor-pointer rounded font-medium ${focusRing}`}>{summary}</summary>
      <pre className={`mt-2 ${preClass}`}>{value === undefined ? "—" : JSON.stringify(value, null, 2)}</pre>
    </details>
  );
}
