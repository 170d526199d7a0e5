import Link from "next/link";
import { formatDate } from "@/components/ui/format-date";
import { linkClass } from "@/components/ui/styles";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { AbStatusBadge } from "./status-badge";
import type { AbTestListItem } from "./types";

export function AbTestTable({ tests, projectKey }: { tests: AbTestListItem[]; projectKey: string }) {
  return (
    <Table caption="A/B tests">
      <thead>
        <tr>
          <Th>Test</Th>
          <Th>Status</Th>
          <Th>Use case</Th>
          <Th>Arms (feedback n)</Th>
          <Th>Leader</Th>
          <Th>Started</Th>
          <Th>Ended</Th>
        </tr>
      </thead>
      <tbody>
        {tests.map((t) => (
          <Tr key={t.id}>
            <Td>
              <Link className={linkClass} href={`/${projectKey}/ab-tests/${encodeURIComponent(t.key)}`}>
                {t.key}
              </Link>
              <div className="text-xs text-gray-700 dark:text-gray-300">
                {t.feedback_type} · {t.feedback_key}
              </div>
            </Td>
            <Td>
              <AbStatusBadge status={t.status} />
            </Td>
            <Td>{t.use_case}</Td>
            <Td>
              <ul>
                {t.arms.map((a) => (
                  <li key={a.arm}>
                    <span className="font-medium">{a.arm}</span> {a.model}{" "}
                    <span className="text-gray-700 dark:text-gray-300">(n={a.n})</span>
                  </li>
                ))}
              </ul>
            </Td>
            <Td>{t.leader ? `${t.leader}${t.winner ? " (winner)" : ""}` : "—"}</Td>
            <Td>{formatDate(t.created_at)}</Td>
            <Td>{formatDate(t.ended_at)}</Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
