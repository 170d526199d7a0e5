"use client";

import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import { answerHumanTaskAction } from "@/lib/actions/human";
import { PromptView } from "@/components/benchmarks/prompt-view";
import { RunProgressBar } from "@/components/runs/run-progress-bar";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/form-message";
import { linkClass } from "@/components/ui/styles";
import { useAction } from "@/components/ui/use-action";
import type { HumanSession as Session } from "@/lib/services/human/session";
import { AnswerInput } from "./answer-input";

const clock = (ms: number) => {
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
};

const typing = (target: EventTarget | null) => target instanceof HTMLTextAreaElement || target instanceof HTMLInputElement;

/** One task at a time, timed from the moment it is shown; answers are scored on the server like a model's. */
export function HumanSession({ projectKey, initial }: { projectKey: string; initial: Session }) {
  const [session, setSession] = useState(initial);
  const [answer, setAnswer] = useState("");
  const [elapsed, setElapsed] = useState(0);
  const shownAt = useRef(0);
  const task = session.task;
  const action = useAction(
    (input: { answer?: string; skipped: boolean; position: number; elapsed_ms: number }) =>
      answerHumanTaskAction(projectKey, { id: session.id, answer: input }),
    (next) => {
      setSession(next);
      setAnswer("");
    },
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: the clock restarts whenever a new task is shown
  useEffect(() => {
    shownAt.current = performance.now();
    setElapsed(0);
    const timer = setInterval(() => setElapsed(performance.now() - shownAt.current), 1000);
    return () => clearInterval(timer);
  }, [task?.position]);

  // One answer in flight at a time: Enter on a radio both submits the form and reaches the key handler.
  const sending = useRef(false);
  const submit = useCallback(
    (skipped: boolean) => {
      if (!task || sending.current || (!skipped && !answer.trim())) return;
      sending.current = true;
      const elapsed_ms = Math.round(performance.now() - shownAt.current);
      action.run(
        { position: task.position, skipped, elapsed_ms, ...(skipped ? {} : { answer }) },
        {
          onSettled: () => {
            sending.current = false;
          },
        },
      );
    },
    [task, answer, action],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!task) return;
      if (typing(e.target) && e.target instanceof HTMLTextAreaElement) {
        if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) submit(false);
        return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === "S" && e.shiftKey) return submit(true);
      // Inside the form, Enter submits it natively; elsewhere on the page it submits too.
      if (e.key === "Enter" && !(e.target instanceof Element && e.target.closest("form, a, button"))) return submit(false);
      const key = e.key.toUpperCase();
      if (task.type === "MCQ" && task.choices?.some((c) => c.letter === key) && !e.shiftKey) setAnswer(key);
      if (task.type === "bool" && (key === "T" || key === "F")) setAnswer(key === "T" ? "true" : "false");
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [task, submit]);

  const runHref = `/${projectKey}/runs/${session.id}`;
  if (!task)
    return (
      <Card className="space-y-3 p-6">
        <h2 className="text-lg font-semibold">{session.status === "in_progress" ? "Nothing to answer" : "Finished"}</h2>
        <p data-testid="human-score">
          {session.scored > 0
            ? `${session.correct} of ${session.scored} scored answers correct (${Math.round((session.correct / session.scored) * 100)} %).`
            : "No answers were scored."}{" "}
          {session.answered - session.scored > 0 ? `${session.answered - session.scored} skipped or unscored.` : ""}
        </p>
        <p className="flex flex-wrap gap-4 text-sm">
          <Link className={linkClass} href={runHref}>
            Open the run report
          </Link>
          <Link className={linkClass} href={`/${projectKey}/leaderboard`}>
            See the leaderboard
          </Link>
        </p>
      </Card>
    );

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3 text-sm">
        <p>
          Task <strong>{task.index}</strong> of {session.total} · {session.answered} answered
        </p>
        <p role="timer" aria-label="Time on this task" className="font-mono tabular-nums">
          {clock(elapsed)}
        </p>
      </div>
      <RunProgressBar done={session.answered} total={session.total} label="Session progress" />
      <Card className="space-y-4 p-4">
        <PromptView messages={task.messages} />
        <form
          className="space-y-4"
          onSubmit={(e) => {
            e.preventDefault();
            submit(false);
          }}
        >
          <AnswerInput task={task} value={answer} onChange={setAnswer} />
          <FormMessage message={action.failure.message} />
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" pending={action.pending} disabled={!answer.trim()}>
              Submit answer
            </Button>
            <Button type="button" variant="secondary" onClick={() => submit(true)} disabled={action.pending}>
              Skip
            </Button>
            <p className="text-xs text-gray-700 dark:text-gray-300">
              Keys: {task.type === "MCQ" ? "a letter chooses, " : task.type === "bool" ? "T or F chooses, " : ""}Enter submits, Shift+S
              skips. Skipped tasks are not scored.
            </p>
          </div>
        </form>
      </Card>
    </div>
  );
}
