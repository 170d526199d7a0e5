"use client";

import { useQuery } from "@tanstack/react-query";
import type { ApiAbTest } from "./types";

async function fetchTest(projectKey: string, key: string): Promise<ApiAbTest> {
  const res = await fetch(`/api/v1/ab-tests/${encodeURIComponent(key)}?project=${encodeURIComponent(projectKey)}`, { cache: "no-store" });
  if (!res.ok) throw new Error(`Could not load the A/B test (HTTP ${res.status})`);
  return (await res.json()) as ApiAbTest;
}

/** The test and its statistics, polled every 3 seconds while it runs; polling stops once it ends. */
export function useAbTest(projectKey: string, initial: ApiAbTest) {
  return useQuery({
    queryKey: ["ab-tests", projectKey, initial.key],
    queryFn: () => fetchTest(projectKey, initial.key),
    initialData: initial,
    refetchInterval: (query) => (query.state.data?.status === "running" ? 3000 : false),
    refetchIntervalInBackground: false,
  });
}
