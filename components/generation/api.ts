"use client";

import type { ApiGeneration } from "@/lib/services/generation/generations";

type Problem = { detail?: string; title?: string; errors?: { path: string; message: string }[] };

/** Calls the generation REST API with the session cookie; a problem response becomes an Error with its message. */
export async function generationApi<T = ApiGeneration>(
  projectKey: string,
  path: string,
  init?: { method: string; body: unknown },
): Promise<T> {
  const res = await fetch(`/api/v1/benchmark-generations${path}?project=${encodeURIComponent(projectKey)}`, {
    method: init?.method ?? "GET",
    headers: init ? { "content-type": "application/json" } : undefined,
    body: init ? JSON.stringify(init.body) : undefined,
    cache: "no-store",
  });
  const json = (await res.json().catch(() => null)) as unknown;
  if (!res.ok) {
    const p = (json ?? {}) as Problem;
    const fields = p.errors?.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join("; ");
    throw new Error(fields || p.detail || p.title || `Request failed (HTTP ${res.status})`);
  }
  return json as T;
}
