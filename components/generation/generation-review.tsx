"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useState } from "react";
import { RunProgressBar } from "@/components/runs/run-progress-bar";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { controlClass, linkClass } from "@/components/ui/styles";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import type { DraftTask } from "@/lib/generation/generated-task";
import type { ApiGeneration } from "@/lib/services/generation/generations";
import { generationApi } from "./api";

type ImportResult = {
  dry_run: boolean;
  benchmark: { id: string; key: string } | null;
  version: { number: number; task_count: number } | null;
  validation: { valid: number; errorRows: number; errors: { row: number; issues: { message: string }[] }[] };
};

const active = (status: string) => status === "queued" || status === "running";

/** Progress while the queue generates; then the review table (edit, reject, delete) and the import. */
export function GenerationReview({ projectKey, initial, canEdit }: { projectKey: string; initial: ApiGeneration; canEdit: boolean }) {
  const { data: generation } = useQuery({
    queryKey: ["generations", projectKey, initial.id],
    queryFn: () => generationApi(projectKey, `/${initial.id}`),
    initialData: initial,
    refetchInterval: (q) => (q.state.data && active(q.state.data.status) ? 1000 : false),
  });
  const [tasks, setTasks] = useState<DraftTask[]>(initial.tasks);
  const [key, setKey] = useState(`generated-${initial.id.slice(0, 8)}`);
  const [name, setName] = useState(initial.document_name.replace(/\.[^.]+$/, "").slice(0, 64));
  // The table starts from the server's tasks once generation finishes; after that the user's edits win.
  useEffect(() => {
    if (!active(generation.status) && tasks.length === 0) setTasks(generation.tasks);
  }, [generation.status, generation.tasks, tasks.length]);
  const save = useMutation({
    mutationFn: async (dryRun: boolean) => {
      await generationApi(projectKey, `/${initial.id}`, {
        method: "PATCH",
        body: { tasks: tasks.map((t) => (t.incorrect ? { ...t, incorrect: t.incorrect.filter((c) => c.trim()) } : t)) },
      });
      return generationApi<ImportResult>(projectKey, `/${initial.id}/import`, {
        method: "POST",
        body: { target: { create: { key, name } }, dry_run: dryRun },
      });
    },
  });
  const edit = (id: string, patch: Partial<DraftTask>) => setTasks((all) => all.map((t) => (t.id === id ? { ...t, ...patch } : t)));

  if (active(generation.status))
    return (
      <Card className="space-y-2">
        <p aria-live="polite">
          Generating: {generation.progress.done} of {generation.progress.total || "…"} passages read
        </p>
        <RunProgressBar done={generation.progress.done} total={Math.max(1, generation.progress.total)} label="Generation progress" />
      </Card>
    );
  if (generation.status === "failed") return <FormMessage message={`Generation failed: ${generation.error}`} />;
  const result = save.data;
  const imported = generation.status === "imported" || (result && !result.dry_run);
  return (
    <div className="space-y-6">
      {generation.rejected.length ? (
        <details className="text-sm">
          <summary>{generation.rejected.length} generated task(s) dropped</summary>
          <ul className="ml-5 list-disc">
            {generation.rejected.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </details>
      ) : null}
      <Table caption="Generated tasks">
        <thead>
          <tr>
            <Th>Accept</Th>
            <Th>Type</Th>
            <Th>Question</Th>
            <Th>Answer</Th>
            <Th>Wrong choices</Th>
            <Th>Quote from the document</Th>
            <Th>
              <span className="sr-only">Delete</span>
            </Th>
          </tr>
        </thead>
        <tbody>
          {tasks.map((t, i) => (
            <Tr key={t.id}>
              <Td>
                <input
                  type="checkbox"
                  aria-label={`Accept task ${i + 1}`}
                  checked={t.accepted}
                  disabled={!canEdit || imported}
                  onChange={(e) => edit(t.id, { accepted: e.target.checked })}
                />
              </Td>
              <Td>
                <Badge>{t.type}</Badge>
              </Td>
              <Td className="min-w-64">
                <textarea
                  aria-label={`Question ${i + 1}`}
                  rows={3}
                  className={controlClass}
                  value={t.question}
                  disabled={!canEdit || imported}
                  onChange={(e) => edit(t.id, { question: e.target.value })}
                />
              </Td>
              <Td className="min-w-32">
                <input
                  aria-label={`Answer ${i + 1}`}
                  className={controlClass}
                  value={t.answer}
                  disabled={!canEdit || imported}
                  onChange={(e) => edit(t.id, { answer: e.target.value })}
                />
              </Td>
              <Td className="min-w-32">
                {t.type === "MCQ" ? (
                  <textarea
                    aria-label={`Wrong choices ${i + 1}, one per line`}
                    rows={3}
                    className={controlClass}
                    value={(t.incorrect ?? []).join("\n")}
                    disabled={!canEdit || imported}
                    onChange={(e) => edit(t.id, { incorrect: e.target.value.split("\n") })}
                  />
                ) : (
                  "—"
                )}
              </Td>
              <Td className="min-w-64 text-xs">
                <blockquote className="border-l-2 border-gray-300 pl-2 italic">{t.quote}</blockquote>
              </Td>
              <Td>
                {canEdit && !imported ? (
                  <Button
                    variant="secondary"
                    size="sm"
                    onClick={() => setTasks((all) => all.filter((x) => x.id !== t.id))}
                    aria-label={`Delete task ${i + 1}`}
                  >
                    Delete
                  </Button>
                ) : null}
              </Td>
            </Tr>
          ))}
        </tbody>
      </Table>
      {imported ? (
        <p data-testid="imported">
          Imported.{" "}
          <Link className={linkClass} href={`/${projectKey}/benchmarks/${result?.benchmark?.id ?? generation.benchmark_id}`}>
            Open the benchmark
          </Link>
        </p>
      ) : canEdit ? (
        <Card className="space-y-4">
          <h2 className="font-semibold">Import the accepted tasks as a new benchmark</h2>
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField label="Key" value={key} onChange={(e) => setKey(e.target.value)} />
            <TextField label="Name" value={name} onChange={(e) => setName(e.target.value)} />
          </div>
          {result?.dry_run ? (
            <p data-testid="dry-run" aria-live="polite">
              Dry run: {result.validation.valid} valid task(s), {result.validation.errorRows} with errors
              {result.validation.errors.length
                ? `: ${result.validation.errors.map((e) => `row ${e.row}: ${e.issues.map((x) => x.message).join(", ")}`).join("; ")}`
                : ""}
              .
            </p>
          ) : null}
          <FormMessage message={save.error?.message} />
          <div className="flex flex-wrap gap-3">
            <Button variant="secondary" pending={save.isPending && save.variables} onClick={() => save.mutate(true)}>
              Validate (dry run)
            </Button>
            <Button
              pending={save.isPending && !save.variables}
              onClick={() => save.mutate(false)}
              disabled={!tasks.some((t) => t.accepted)}
            >
              Import {tasks.filter((t) => t.accepted).length} task(s)
            </Button>
          </div>
        </Card>
      ) : null}
    </div>
  );
}
