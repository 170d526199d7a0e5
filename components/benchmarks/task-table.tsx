"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { redactTasksAction } from "@/lib/actions/benchmarks";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { focusRing, linkClass } from "@/components/ui/styles";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { useAction } from "@/components/ui/use-action";

export type TaskRow = { position: number; type: string; input: string; truth: string; subset: string | null; redacted: boolean };

type Props = { projectKey: string; benchmarkId: string; version: number; rows: TaskRow[]; canEdit: boolean; benchmarkHref: string };

/** The shown page of tasks; members can select rows and redact or unredact them into a new version. */
export function TaskTable({ projectKey, benchmarkId, version, rows, canEdit, benchmarkHref }: Props) {
  const router = useRouter();
  const [selected, setSelected] = useState<number[]>([]);
  const action = useAction(
    (redacted: boolean) => redactTasksAction(projectKey, { id: benchmarkId, number: version, positions: selected, redacted }),
    (data) => {
      setSelected([]);
      if (data.number) router.push(`${benchmarkHref}?v=${data.number}`);
      router.refresh();
    },
  );
  const taskHref = (p: number) => `/${projectKey}/benchmarks/${benchmarkId}/versions/${version}/tasks/${p}`;
  const all = rows.length > 0 && rows.every((r) => selected.includes(r.position));
  const check = `h-4 w-4 rounded border-gray-500 ${focusRing}`;
  return (
    <div className="space-y-3">
      {canEdit ? (
        <div className="flex flex-wrap items-center gap-2">
          <Button
            size="sm"
            variant="secondary"
            disabled={selected.length === 0}
            pending={action.pending && action.variables === true}
            onClick={() => action.run(true)}
          >
            Redact selected
          </Button>
          <Button
            size="sm"
            variant="secondary"
            disabled={selected.length === 0}
            pending={action.pending && action.variables === false}
            onClick={() => action.run(false)}
          >
            Unredact selected
          </Button>
          <span className="text-sm text-gray-700 dark:text-gray-300" aria-live="polite">
            {selected.length} selected
          </span>
        </div>
      ) : null}
      <FormMessage message={action.failure.message} />
      <Table caption={`Tasks of version ${version}`}>
        <thead>
          <tr>
            {canEdit ? (
              <Th>
                <input
                  type="checkbox"
                  className={check}
                  aria-label="Select all tasks on this page"
                  checked={all}
                  onChange={(e) => setSelected(e.target.checked ? rows.map((r) => r.position) : [])}
                />
              </Th>
            ) : null}
            <Th className="text-right">#</Th>
            <Th>Type</Th>
            <Th>Input</Th>
            <Th>Truth</Th>
            <Th>Subset</Th>
            <Th>Redacted</Th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <Tr key={r.position}>
              {canEdit ? (
                <Td>
                  <input
                    type="checkbox"
                    className={check}
                    aria-label={`Select task ${r.position}`}
                    checked={selected.includes(r.position)}
                    onChange={(e) => setSelected((s) => (e.target.checked ? [...s, r.position] : s.filter((p) => p !== r.position)))}
                  />
                </Td>
              ) : null}
              <Td className="text-right tabular-nums">{r.position}</Td>
              <Td>
                <Badge>{r.type}</Badge>
              </Td>
              <Td className="min-w-64 break-words">
                <Link className={linkClass} href={taskHref(r.position)}>
                  {r.input || "(empty)"}
                </Link>
              </Td>
              <Td className="break-words">{r.truth}</Td>
              <Td>{r.subset ?? "—"}</Td>
              <Td>{r.redacted ? <Badge tone="amber">Redacted</Badge> : <span className="text-gray-700 dark:text-gray-300">No</span>}</Td>
            </Tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
