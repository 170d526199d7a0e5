"use client";

import { useCallback, useEffect, useState } from "react";
import { nextPairAction, recordLabelAction } from "@/lib/actions/ab-tests";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/form-message";
import { useAction } from "@/components/ui/use-action";
import type { LabellingPair } from "@/lib/services/ab-tests/labelling";

type Choice = "first" | "second" | "tie" | "both_bad";
const CHOICES: { choice: Choice; label: string; key: string }[] = [
  { choice: "first", label: "A is better", key: "a" },
  { choice: "second", label: "B is better", key: "b" },
  { choice: "tie", label: "Tie", key: "t" },
  { choice: "both_bad", label: "Both bad", key: "x" },
];

/** Blind side-by-side judging: two arms answer one prompt, the labeller picks with a click or a key. */
export function Labelling({ projectKey, testKey }: { projectKey: string; testKey: string }) {
  const [recorded, setRecorded] = useState(0);
  const next = useAction(() => nextPairAction(projectKey, { key: testKey }));
  const record = useAction(
    (input: { shown: [string, string]; choice: Choice }) => recordLabelAction(projectKey, { key: testKey, ...input }),
    () => {
      setRecorded((n) => n + 1);
      next.run(undefined);
    },
  );
  const pair: LabellingPair | undefined = next.data;
  const busy = next.pending || record.pending;
  const { run: fetchPair } = next;
  const { run: save } = record;
  const choose = useCallback(
    (choice: Choice) => {
      if (!pair || busy) return;
      save({ shown: [pair.answers[0]?.completion_id as string, pair.answers[1]?.completion_id as string], choice });
    },
    [pair, busy, save],
  );

  useEffect(() => fetchPair(undefined), [fetchPair]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || (e.target as HTMLElement | null)?.closest("input, textarea, select")) return;
      const hit = CHOICES.find((c) => c.key === e.key.toLowerCase());
      if (hit) {
        e.preventDefault();
        choose(hit.choice);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [choose]);

  return (
    <div className="grid gap-4">
      <p className="text-sm text-gray-700 dark:text-gray-300" aria-live="polite">
        {recorded} judgement{recorded === 1 ? "" : "s"} recorded this session. Keys: A, B, T (tie), X (both bad).
      </p>
      <FormMessage message={next.failure.message ?? record.failure.message} />
      {pair ? (
        <>
          <Card>
            <h2 className="mb-2 text-sm font-semibold">Prompt</h2>
            {pair.prompt.map((m, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: messages have no id and never reorder
              <p key={i} className="whitespace-pre-wrap text-sm">
                <span className="font-medium">{m.role}:</span> {m.content}
              </p>
            ))}
          </Card>
          <div className="grid gap-4 md:grid-cols-2">
            {pair.answers.map((a, i) => (
              <Card key={a.completion_id}>
                <h2 className="mb-2 text-sm font-semibold">Answer {i === 0 ? "A" : "B"}</h2>
                <p className="whitespace-pre-wrap text-sm">{a.text}</p>
              </Card>
            ))}
          </div>
          <div className="flex flex-wrap gap-2">
            {CHOICES.map((c) => (
              <Button
                key={c.choice}
                variant={c.choice === "first" || c.choice === "second" ? "primary" : "secondary"}
                aria-keyshortcuts={c.key.toUpperCase()}
                disabled={busy}
                onClick={() => choose(c.choice)}
              >
                {c.label} <kbd className="ml-1 rounded border px-1 text-xs">{c.key.toUpperCase()}</kbd>
              </Button>
            ))}
          </div>
        </>
      ) : next.pending ? (
        <p className="text-sm">Asking two arms…</p>
      ) : (
        <Button onClick={() => fetchPair(undefined)}>Try again</Button>
      )}
    </div>
  );
}
