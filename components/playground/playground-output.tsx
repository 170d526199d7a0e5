"use client";

import type { PlaygroundResult } from "./use-test-expression";

const pre =
  "mt-2 max-h-96 overflow-auto whitespace-pre-wrap break-words rounded-md bg-gray-100 p-3 font-mono text-xs text-gray-900 dark:bg-gray-800 dark:text-gray-100";

/** The source line an error points at, with a caret under its column. */
function Pointer({ source, line, column }: { source: string; line: number; column: number }) {
  const text = source.split("\n")[line - 1] ?? "";
  return <pre className={pre}>{`${text}\n${" ".repeat(Math.max(0, column - 1))}^`}</pre>;
}

export function PlaygroundOutput({ source, result, failed }: { source: string; result?: PlaygroundResult; failed: boolean }) {
  return (
    <section aria-label="Result" className="min-w-0 space-y-4">
      <h2 className="text-lg font-semibold">Result</h2>
      <div aria-live="polite">
        {failed ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-300">
            Could not reach the server; try again.
          </p>
        ) : null}
        {!result && !failed ? (
          <p className="text-sm text-gray-700 dark:text-gray-300">Press Evaluate to run the source against the sample task.</p>
        ) : null}
        {result?.ok ? (
          <div data-testid="playground-value">
            <p className="text-sm font-medium text-green-800 dark:text-green-200">Evaluated</p>
            <pre className={pre}>{typeof result.value === "string" ? result.value : JSON.stringify(result.value, null, 2)}</pre>
          </div>
        ) : null}
        {result && !result.ok ? (
          <div
            role="alert"
            data-testid="playground-error"
            className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
          >
            <p className="font-semibold">
              Error
              {result.error.line != null ? ` at line ${result.error.line}, column ${result.error.column}` : ""}
              {result.error.position != null ? ` (position ${result.error.position})` : ""}
              {result.error.code ? ` · ${result.error.code}` : ""}
            </p>
            <p className="mt-1 break-words">{result.error.message}</p>
            {result.error.line != null && result.error.column != null ? (
              <Pointer source={source} line={result.error.line} column={result.error.column} />
            ) : null}
          </div>
        ) : null}
      </div>
      {result?.context ? (
        <details>
          <summary className="cursor-pointer text-sm font-medium">Context the source could read</summary>
          <pre className={pre}>{JSON.stringify(result.context, null, 2)}</pre>
        </details>
      ) : null}
    </section>
  );
}
