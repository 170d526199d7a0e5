"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import type { ActionResult } from "@/lib/http/action";

type Failure = { message: string | null; fieldErrors: Record<string, string> };

const under = (key: string, path: string) => key === path || key.startsWith(`${path}.`);

/**
 * Wraps a server action in a react-query mutation and exposes its failure in form-friendly shape.
 * A thrown error (network, server crash) becomes a generic message instead of an unhandled rejection.
 */
export function useAction<I, T>(action: (input: I) => Promise<ActionResult<T>>, onSuccess?: (data: T, input: I) => void) {
  // Fields edited since the last submission: their server messages are stale and hidden.
  const [edited, setEdited] = useState<string[]>([]);
  const mutation = useMutation({
    mutationFn: action,
    onMutate: () => setEdited([]),
    onSuccess: (result, input) => {
      if (result.ok) onSuccess?.(result.data, input);
    },
  });
  const result = mutation.data;
  const failure: Failure =
    mutation.error != null
      ? { message: "Could not reach the server; check your connection and try again", fieldErrors: {} }
      : result && !result.ok
        ? {
            message: result.message,
            fieldErrors: Object.fromEntries(Object.entries(result.fieldErrors).filter(([k]) => !edited.some((path) => under(k, path)))),
          }
        : { message: null, fieldErrors: {} };
  return {
    run: mutation.mutate,
    pending: mutation.isPending,
    variables: mutation.variables,
    data: result?.ok ? result.data : undefined,
    failure,
    /** The message for a field, including nested paths such as "simulation.accuracy" under "simulation". */
    fieldError: (path: string) =>
      failure.fieldErrors[path] ?? Object.entries(failure.fieldErrors).find(([k]) => k.startsWith(`${path}.`))?.[1],
    /** Hides the messages of fields (and their nested paths) the user changed after the failure. */
    clearFields: (...paths: string[]) => setEdited((previous) => [...previous, ...paths]),
    /**
     * The banner text: when every field error is shown beside a field the form renders, a short summary
     * instead of repeating the first field's message.
     */
    summary: (fields: string[]) => {
      const keys = Object.keys(failure.fieldErrors);
      // Every field the failure named has been edited since: nothing left to correct.
      if (keys.length === 0 && result && !result.ok && Object.keys(result.fieldErrors).length > 0) return null;
      const covered = keys.length > 0 && keys.every((k) => fields.some((f) => under(k, f)));
      return covered ? "Please correct the highlighted fields." : failure.message;
    },
    reset: mutation.reset,
  };
}
