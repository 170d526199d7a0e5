"use client";

import { useState } from "react";
import { compareHref } from "@/components/compare/links";
import { ButtonLink } from "@/components/ui/button";
import type { RunFilters } from "./filters";
import { runLabel } from "./run-label";
import { RunTable } from "./run-table";
import type { ApiRun } from "./types";
import { type RunPage, useRuns } from "./use-runs";

const versionOf = (r: ApiRun) => `${r.benchmark.id}:${r.benchmark.version}`;

/** Why the ticked runs cannot be compared, or null when they can. */
export function compareProblem(chosen: ApiRun[]): string | null {
  if (chosen.length < 2) return "Tick two or more completed runs of the same benchmark version to compare them.";
  const notDone = chosen.filter((r) => r.status !== "completed");
  if (notDone.length) return `Only completed runs can be compared: ${notDone.map(runLabel).join("; ")}.`;
  if (new Set(chosen.map(versionOf)).size > 1) return `Compared runs must share a benchmark version: ${chosen.map(runLabel).join("; ")}.`;
  return null;
}

/** The runs table, kept current while runs are active, with ticks to pick runs for Compare. */
export function RunList({ projectKey, filters, initial }: { projectKey: string; filters: RunFilters; initial: RunPage }) {
  const { data } = useRuns(projectKey, filters, initial);
  const [selected, setSelected] = useState<string[]>([]);
  const chosen = selected.map((id) => data.items.find((r) => r.id === id)).filter((r): r is ApiRun => r !== undefined);
  const problem = compareProblem(chosen);
  const toggle = (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));
  return (
    <div className="space-y-3">
      <RunTable runs={data.items} projectKey={projectKey} selection={{ selected, toggle }} />
      <div className="flex flex-wrap items-center gap-3">
        {problem === null ? (
          <ButtonLink href={compareHref(projectKey, { runs: chosen.map((r) => r.id) })}>Compare {chosen.length} runs</ButtonLink>
        ) : null}
        <p className="text-sm text-gray-700 dark:text-gray-300" aria-live="polite">
          {problem ?? `Baseline: ${chosen[0] ? runLabel(chosen[0]) : ""}`}
        </p>
      </div>
    </div>
  );
}
