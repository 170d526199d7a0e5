"use client";

import { useRouter } from "next/navigation";
import { type ReactNode, useEffect, useRef } from "react";
import { formatDate } from "@/components/ui/format-date";
import { CancelRun } from "./cancel-run";
import { durationBetween, formatCost, formatDuration, formatInt, formatScore } from "./format";
import { RunProgressBar } from "./run-progress-bar";
import { StatusBadge } from "./status-badge";
import { type ApiRun, isActive } from "./types";
import { useRun } from "./use-run";

function Item({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div>
      <dt className="text-xs font-medium uppercase tracking-wide text-gray-700 dark:text-gray-300">{label}</dt>
      <dd className="mt-0.5 text-sm tabular-nums text-gray-900 dark:text-gray-100" data-testid={testId} suppressHydrationWarning>
        {children}
      </dd>
    </div>
  );
}

/** Status, timing, cost and the live progress panel; re-renders the server parts once the run ends. */
export function LiveRun({ projectKey, initial, canCancel }: { projectKey: string; initial: ApiRun; canCancel: boolean }) {
  const router = useRouter();
  const { data: run, error } = useRun(projectKey, initial);
  const active = isActive(run.status);
  const wasActive = useRef(active);
  useEffect(() => {
    // The summary, statistics and results are server-rendered: fetch them once the run finishes.
    if (wasActive.current && !active) router.refresh();
    wasActive.current = active;
  }, [active, router]);
  const p = run.progress;
  const score = run.running_score;
  return (
    <div className="space-y-6">
      <section
        aria-label="Run details"
        className="rounded-lg border border-gray-200 bg-white p-5 shadow-sm dark:border-gray-800 dark:bg-gray-900"
      >
        <div className="flex flex-wrap items-start justify-between gap-4">
          <dl className="grid flex-1 grid-cols-2 gap-4 sm:grid-cols-4">
            <Item label="Status" testId="run-status">
              <StatusBadge status={run.status} />
            </Item>
            <Item label="Origin">{run.origin}</Item>
            <Item label="Created">{formatDate(run.created_at)}</Item>
            <Item label="Started">{formatDate(run.started_at)}</Item>
            <Item label="Finished">{formatDate(run.finished_at)}</Item>
            <Item label="Duration">{formatDuration(durationBetween(run.started_at, run.finished_at))}</Item>
            <Item label="Cost">{formatCost(run.cost)}</Item>
            <Item label="Tokens in / out">
              {formatInt(run.tokens_in)} / {formatInt(run.tokens_out)}
            </Item>
          </dl>
          {canCancel && active ? <CancelRun projectKey={projectKey} runId={run.id} /> : null}
        </div>
      </section>
      {run.status === "failed" && run.error ? (
        <div
          role="alert"
          className="rounded-lg border border-red-300 bg-red-50 p-4 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
        >
          <h2 className="font-semibold">The run failed</h2>
          <p className="mt-1 whitespace-pre-wrap break-words text-sm">{run.error}</p>
        </div>
      ) : null}
      <section
        aria-label="Progress"
        className="space-y-3 rounded-lg print:hidden border border-gray-200 bg-white p-5 shadow-sm dark:border-gray-800 dark:bg-gray-900"
      >
        <h2 className="text-lg font-semibold">Progress</h2>
        <RunProgressBar done={p.done} total={p.total} label="Run progress" />
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-5">
          <Item label="Done" testId="progress-done">
            {formatInt(p.done)} / {formatInt(p.total)}
          </Item>
          <Item label="Items per second">{p.items_per_s.toFixed(2)}</Item>
          <Item label="ETA">{active ? formatDuration(p.eta_s) : "—"}</Item>
          <Item label="Errors so far">{formatInt(p.errors)}</Item>
          <Item label="Running score" testId="running-score">
            {score.n > 0 ? formatScore({ ...score, method: "wilson" }) : "—"}
          </Item>
        </dl>
        {error ? <p className="text-sm text-red-700 dark:text-red-300">{error.message}; retrying.</p> : null}
      </section>
    </div>
  );
}
