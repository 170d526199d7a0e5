"use client";

import { useMutation } from "@tanstack/react-query";

export type PlaygroundError = { message: string; line?: number; column?: number; position?: number; code?: string };
export type PlaygroundResult = { ok: true; value: unknown; context: object } | { ok: false; error: PlaygroundError; context?: object };
export type PlaygroundInput = { stage: string; source: string; task: unknown; response?: string };

async function post(projectKey: string, input: PlaygroundInput): Promise<PlaygroundResult> {
  const res = await fetch(`/api/v1/expressions/test?project=${encodeURIComponent(projectKey)}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(input),
  });
  const body = (await res.json().catch(() => null)) as
    | (PlaygroundResult & { detail?: string; errors?: { path: string; message: string }[] })
    | null;
  if (res.ok && body) return body;
  // A problem+json answer (invalid task JSON, too long source): show its first message.
  const message = body?.errors?.[0]
    ? `${body.errors[0].path}: ${body.errors[0].message}`
    : (body?.detail ?? `The server answered HTTP ${res.status}`);
  return { ok: false, error: { message } };
}

export function useTestExpression(projectKey: string) {
  return useMutation({ mutationFn: (input: PlaygroundInput) => post(projectKey, input) });
}
