"use client";

import { useQuery } from "@tanstack/react-query";
import type { RunFilters } from "./filters";
import { type ApiRun, isActive } from "./types";

export type RunPage = { items: ApiRun[]; count: number; page: number; per_page: number };

export const runListQueryKey = (projectKey: string, filters: RunFilters) => ["runs", projectKey, "list", filters] as const;

async function fetchRuns(projectKey: string, filters: RunFilters, perPage: number): Promise<RunPage> {
  const params = new URLSearchParams({ project: projectKey, page: String(filters.page), per_page: String(perPage) });
  if (filters.status) params.set("status", filters.status);
  if (filters.model_id) params.set("model_id", filters.model_id);
  if (filters.benchmark_id) params.set("benchmark_id", filters.benchmark_id);
  if (filters.tags.length) params.set("tag", filters.tags.join(","));
  const res = await fetch(`/api/v1/runs?${params}`, { cache: "no-store" });
  if (!res.ok) throw new Error(`Could not load the runs (HTTP ${res.status})`);
  return (await res.json()) as RunPage;
}

/** One page of the runs list, polled every two seconds while any run on it is scheduled or running. */
export function useRuns(projectKey: string, filters: RunFilters, initial: RunPage) {
  return useQuery({
    queryKey: runListQueryKey(projectKey, filters),
    queryFn: () => fetchRuns(projectKey, filters, initial.per_page),
    initialData: initial,
    refetchInterval: (query) => (query.state.data?.items.some((r) => isActive(r.status)) ? 2000 : false),
    refetchIntervalInBackground: false,
  });
}
