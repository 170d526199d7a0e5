import Link from "next/link";
import { StatusBadge } from "@/components/runs/status-badge";
import { Badge } from "@/components/ui/badge";
import { linkClass } from "@/components/ui/styles";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import type { listSchedules } from "@/lib/services/schedules/read";
import { LocalTime } from "./local-time";
import { ScheduleControls } from "./schedule-controls";

export type ScheduleItem = Awaited<ReturnType<typeof listSchedules>>[number];

/** Schedules with cadence, next occurrence (viewer's zone) and each pair's last run. */
export function ScheduleTable({ projectKey, schedules, canEdit }: { projectKey: string; schedules: ScheduleItem[]; canEdit: boolean }) {
  return (
    <Table caption="Schedules">
      <thead>
        <tr>
          <Th>Name</Th>
          <Th>Cadence</Th>
          <Th>Next occurrence</Th>
          <Th>Last result per pair</Th>
          {canEdit ? <Th>Actions</Th> : null}
        </tr>
      </thead>
      <tbody>
        {schedules.map((s) => (
          <Tr key={s.id}>
            <Td>
              <Link className={linkClass} href={`/${projectKey}/schedules/${s.id}`}>
                {s.name}
              </Link>
              <p className="text-xs text-gray-700 dark:text-gray-300">
                {s.model_ids.length} model(s) × {s.benchmark_ids.length} benchmark(s)
              </p>
              {s.tags.length ? <p className="text-xs text-gray-700 dark:text-gray-300">Tags: {s.tags.join(", ")}</p> : null}
            </Td>
            <Td>{s.cadence_text}</Td>
            <Td>{s.paused ? <Badge tone="amber">Paused</Badge> : <LocalTime iso={s.next_occurrence} />}</Td>
            <Td>
              {s.last_runs.length ? (
                <ul className="space-y-1">
                  {s.last_runs.map((r) => (
                    <li key={r.run_id} className="flex flex-wrap items-center gap-2">
                      <Link className={linkClass} href={`/${projectKey}/runs/${r.run_id}`}>
                        {r.model.name} · {r.benchmark.name}
                      </Link>
                      <StatusBadge status={r.status} />
                      {r.score !== null ? <span className="tabular-nums">{r.score.toFixed(3)}</span> : null}
                    </li>
                  ))}
                </ul>
              ) : (
                <span className="text-gray-700 dark:text-gray-300">No runs yet</span>
              )}
            </Td>
            {canEdit ? (
              <Td>
                <ScheduleControls projectKey={projectKey} id={s.id} name={s.name} paused={s.paused} />
              </Td>
            ) : null}
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
