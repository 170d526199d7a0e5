"use client";

import { useQuery } from "@tanstack/react-query";
import { type ApiRun, isActive } from "./types";

export const runQueryKey = (projectKey: string, id: string) => ["runs", projectKey, id] as const;

async function fetchRun(projectKey: string, id: string): Promise<ApiRun> {
  const res = await fetch(`/api/v1/runs/${encodeURIComponent(id)}?project=${encodeURIComponent(projectKey)}`, { cache: "no-store" });
  if (!res.ok) throw new Error(`Could not load the run (HTTP ${res.status})`);
  return (await res.json()) as ApiRun;
}

/** The run, polled every second while it is scheduled or running; polling stops once it finishes. */
export function useRun(projectKey: string, initial: ApiRun) {
  return useQuery({
    queryKey: runQueryKey(projectKey, initial.id),
    queryFn: () => fetchRun(projectKey, initial.id),
    initialData: initial,
    refetchInterval: (query) => (query.state.data && isActive(query.state.data.status) ? 1000 : false),
    refetchIntervalInBackground: false,
  });
}
