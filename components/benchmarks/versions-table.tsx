import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { formatDate } from "@/components/ui/format-date";
import { linkClass } from "@/components/ui/styles";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import type { LoadedBenchmark } from "./load-benchmark";

type Version = LoadedBenchmark["versions"][number];

export function VersionsTable({ versions, selected, href }: { versions: Version[]; selected: number; href: (v: number) => string }) {
  return (
    <Table caption="Versions">
      <thead>
        <tr>
          <Th>Version</Th>
          <Th className="text-right">Tasks</Th>
          <Th>What changed</Th>
          <Th>Format</Th>
          <Th>Mapping</Th>
          <Th>Created</Th>
        </tr>
      </thead>
      <tbody>
        {versions.map((v) => (
          <Tr key={v.id}>
            <Td className="whitespace-nowrap">
              {v.number === selected ? (
                <span className="font-semibold" aria-current="true">
                  v{v.number} <Badge tone="green">Shown</Badge>
                </span>
              ) : (
                <Link className={linkClass} href={href(v.number)}>
                  v{v.number}
                </Link>
              )}
              {v.runnable ? null : (
                <span className="ml-1">
                  <Badge tone="amber" title="Post-training rows only; runs cannot use this version">
                    Not runnable
                  </Badge>
                </span>
              )}
            </Td>
            <Td className="text-right tabular-nums">{v.task_count.toLocaleString("en-US")}</Td>
            <Td className="break-words">{v.changes || "—"}</Td>
            <Td>
              <code className="text-xs">{v.format}</code>
              {v.source ? <div className="text-xs text-gray-700 dark:text-gray-300">{v.source}</div> : null}
            </Td>
            <Td>
              {v.mapping ? (
                <details>
                  <summary className="cursor-pointer text-sm">Show mapping</summary>
                  <pre className="mt-1 max-w-md overflow-x-auto rounded bg-gray-100 p-2 font-mono text-xs dark:bg-gray-800">
                    {JSON.stringify(v.mapping, null, 2)}
                  </pre>
                </details>
              ) : (
                "—"
              )}
            </Td>
            <Td className="whitespace-nowrap">{formatDate(v.created_at)}</Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
