import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { linkClass } from "@/components/ui/styles";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import type { listBenchmarks } from "@/lib/services/benchmarks/read";
import { ProjectListToggle } from "@/components/ui/project-list-toggle";

type Item = Awaited<ReturnType<typeof listBenchmarks>>["items"][number];

export const list = (values: string[]) => (values.length ? values.join(", ") : "—");

export function TypeBadge({ type }: { type: "public" | "custom" }) {
  return <Badge tone={type === "public" ? "blue" : "purple"}>{type === "public" ? "Public" : "Custom"}</Badge>;
}

export function BenchmarkTable({ items, projectKey, canManage }: { items: Item[]; projectKey: string; canManage: boolean }) {
  return (
    <Table caption="Benchmarks">
      <thead>
        <tr>
          <Th>Benchmark</Th>
          <Th>Type</Th>
          <Th>Categories</Th>
          <Th>Languages</Th>
          <Th className="text-right">Latest version</Th>
          <Th>Project</Th>
        </tr>
      </thead>
      <tbody>
        {items.map((b) => (
          <Tr key={b.id}>
            <Td>
              <Link className={linkClass} href={`/${projectKey}/benchmarks/${b.id}`}>
                {b.name}
              </Link>
              <div className="mt-0.5 font-mono text-xs text-gray-700 dark:text-gray-300">{b.key}</div>
            </Td>
            <Td>
              <TypeBadge type={b.type} />
            </Td>
            <Td>{list(b.categories)}</Td>
            <Td>{list(b.languages)}</Td>
            <Td className="whitespace-nowrap text-right tabular-nums">
              {b.latest_version ? `v${b.latest_version.number} · ${b.latest_version.task_count.toLocaleString("en-US")} tasks` : "—"}
            </Td>
            <Td>
              {canManage ? (
                <ProjectListToggle kind="benchmark" projectKey={projectKey} id={b.id} name={b.name} inProject={b.in_project} />
              ) : b.in_project ? (
                <Badge tone="green">In project</Badge>
              ) : (
                <span className="text-gray-700 dark:text-gray-300">—</span>
              )}
            </Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
