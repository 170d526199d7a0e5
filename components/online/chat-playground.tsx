"use client";

import { useState } from "react";
import { thumbsAction } from "@/lib/actions/use-cases";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { readSse } from "./read-sse";

type Turn = { role: "user" | "assistant"; content: string; id?: string; model?: string; rating?: boolean; done?: boolean };

/** Chats with a use case through the gateway (streamed, as an application would), with thumbs up/down per answer. */
export function ChatPlayground({ projectKey, useCaseKey, models }: { projectKey: string; useCaseKey: string; models: string[] }) {
  const [turns, setTurns] = useState<Turn[]>([]);
  const [model, setModel] = useState("default");
  const [text, setText] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState("");

  const patchLast = (patch: (t: Turn) => Turn) => setTurns((all) => [...all.slice(0, -1), patch(all.at(-1) as Turn)]);

  async function send() {
    const history: Turn[] = [...turns, { role: "user", content: text }];
    setTurns([...history, { role: "assistant", content: "" }]);
    setText("");
    setBusy(true);
    setError(null);
    setStatus("Waiting for the answer…");
    try {
      const response = await fetch("/api/v1/chat/completions", {
        method: "POST",
        headers: { "content-type": "application/json", "x-yardstick-project": projectKey, "x-yardstick-use-case": useCaseKey },
        body: JSON.stringify({
          model,
          stream: true,
          messages: history.map(({ role, content }) => ({ role, content })),
          labels: { source: "playground" },
        }),
      });
      if (!response.ok || !response.body) {
        const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
        throw new Error(body?.error?.message ?? `The gateway answered ${response.status}`);
      }
      const id = response.headers.get("x-yardstick-completion-id") ?? undefined;
      const answeredBy = response.headers.get("x-yardstick-model") ?? undefined;
      patchLast((t) => ({ ...t, id, model: answeredBy }));
      for await (const data of readSse(response.body)) {
        if (data === "[DONE]") break;
        const chunk = JSON.parse(data) as { choices?: { delta?: { content?: string } }[]; error?: { message: string } };
        if (chunk.error) throw new Error(chunk.error.message);
        const delta = chunk.choices?.[0]?.delta?.content;
        if (delta) patchLast((t) => ({ ...t, content: t.content + delta }));
      }
      patchLast((t) => ({ ...t, done: true }));
      setStatus("Answer complete");
    } catch (e) {
      setTurns((all) => (all.at(-1)?.content ? all : all.slice(0, -1)));
      setError((e as Error).message);
      setStatus("");
    } finally {
      setBusy(false);
    }
  }

  async function rate(index: number, up: boolean) {
    const turn = turns[index];
    if (!turn?.id) return;
    const result = await thumbsAction(projectKey, { completion_id: turn.id, up });
    if (!result.ok) return setError(result.message);
    setTurns((all) => all.map((t, i) => (i === index ? { ...t, rating: up } : t)));
    setStatus(up ? "Thanks: rated thumbs up" : "Thanks: rated thumbs down");
  }

  return (
    <div className="space-y-4">
      <SelectField
        label="Model"
        className="max-w-sm"
        value={model}
        onChange={(e) => setModel(e.target.value)}
        options={[{ value: "default", label: "default (the use case's default model)" }, ...models.map((m) => ({ value: m, label: m }))]}
      />
      <ol aria-label="Conversation" className="space-y-3">
        {turns.map((t, i) => (
          <li
            // biome-ignore lint/suspicious/noArrayIndexKey: turns are only appended, never reordered
            key={i}
            className={`rounded-lg border p-3 text-sm ${t.role === "user" ? "border-gray-300 bg-gray-50 dark:border-gray-700 dark:bg-gray-800" : "border-brand-100 bg-white dark:border-gray-700 dark:bg-gray-900"}`}
          >
            <div className="mb-1 text-xs font-semibold text-gray-700 dark:text-gray-300">
              {t.role === "user" ? "You" : `Assistant${t.model ? ` · ${t.model}` : ""}`}
            </div>
            <p className="whitespace-pre-wrap" data-testid={t.role === "assistant" ? "assistant-message" : undefined}>
              {t.content || (t.role === "assistant" ? "…" : "")}
            </p>
            {t.role === "assistant" && t.done && t.id ? (
              <div className="mt-2 flex gap-2">
                <Button
                  size="sm"
                  variant={t.rating === true ? "primary" : "secondary"}
                  aria-pressed={t.rating === true}
                  onClick={() => rate(i, true)}
                >
                  👍 <span className="sr-only">Thumbs up</span>
                </Button>
                <Button
                  size="sm"
                  variant={t.rating === false ? "primary" : "secondary"}
                  aria-pressed={t.rating === false}
                  onClick={() => rate(i, false)}
                >
                  👎 <span className="sr-only">Thumbs down</span>
                </Button>
              </div>
            ) : null}
          </li>
        ))}
      </ol>
      <p role="status" className="text-sm text-gray-700 dark:text-gray-300">
        {status}
      </p>
      <FormMessage message={error} />
      <form
        className="space-y-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (text.trim()) void send();
        }}
      >
        <TextAreaField label="Message" rows={3} value={text} onChange={(e) => setText(e.target.value)} disabled={busy} />
        <Button type="submit" pending={busy} disabled={!text.trim()}>
          Send
        </Button>
      </form>
    </div>
  );
}
