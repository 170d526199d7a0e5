import { Badge } from "@/components/ui/badge";
import { NameKeyCell, ProjectCell } from "@/components/ui/catalog-cells";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import type { listBenchmarks } from "@/lib/services/benchmarks/read";

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
            <NameKeyCell href={`/${projectKey}/benchmarks/${b.id}`} name={b.name} itemKey={b.key} />
            <Td>
              <TypeBadge type={b.type} />
            </Td>
            <Td>{list(b.categories)}</Td>
            <Td>{list(b.languages)}</Td>
            <Td className="whitespace-nowrap text-right tabular-nums">
              {b.latest_version ? `v${b.latest_version.number} · ${b.latest_version.task_count.toLocaleString("en-US")} tasks` : "—"}
            </Td>
            <ProjectCell canManage={canManage} kind="benchmark" projectKey={projectKey} id={b.id} name={b.name} inProject={b.in_project} />
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
