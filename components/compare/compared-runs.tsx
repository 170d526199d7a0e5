import Link from "next/link";
import { runScore } from "@/components/runs/run-table";
import { StatusBadge } from "@/components/runs/status-badge";
import { formatDate } from "@/components/ui/format-date";
import { linkClass } from "@/components/ui/styles";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import type { Comparison } from "@/lib/services/reports/compare";
import { letter } from "./format";

/** The compared runs with the letters the rest of the page uses; A is the baseline. */
export function ComparedRuns({ runs, projectKey }: { runs: Comparison["runs"]; projectKey: string }) {
  return (
    <Table caption="Compared runs">
      <thead>
        <tr>
          <Th>Run</Th>
          <Th>Model</Th>
          <Th>Status</Th>
          <Th>Score [95% interval]</Th>
          <Th>Created</Th>
        </tr>
      </thead>
      <tbody>
        {runs.map((r, i) => (
          <Tr key={r.id}>
            <Td className="font-semibold">
              {letter(i)}
              {i === 0 ? <span className="ml-1 text-xs font-normal text-gray-700 dark:text-gray-300">(baseline)</span> : null}
            </Td>
            <Td>
              <Link className={linkClass} href={`/${projectKey}/runs/${r.id}`}>
                {r.label}
              </Link>
            </Td>
            <Td>
              <StatusBadge status={r.status} />
            </Td>
            <Td className="whitespace-nowrap tabular-nums">{runScore(r)}</Td>
            <Td className="whitespace-nowrap">{formatDate(r.created_at)}</Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
