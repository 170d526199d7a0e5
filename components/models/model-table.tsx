import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { linkClass } from "@/components/ui/styles";
import type { ApiModel } from "@/lib/services/models/serialize";
import { formatPrice, formatTokens } from "./format";
import { ModelBadges } from "./model-badges";
import { ProjectListToggle } from "@/components/ui/project-list-toggle";

export function ModelTable({ models, projectKey, canManage }: { models: ApiModel[]; projectKey: string; canManage: boolean }) {
  return (
    <Table caption="Models">
      <thead>
        <tr>
          <Th>Model</Th>
          <Th>Type</Th>
          <Th>Company</Th>
          <Th className="text-right">Context</Th>
          <Th className="text-right">Price in / out per 1M</Th>
          <Th>Project</Th>
        </tr>
      </thead>
      <tbody>
        {models.map((m) => (
          <Tr key={m.id}>
            <Td>
              <Link className={linkClass} href={`/${projectKey}/models/${m.id}`}>
                {m.name}
              </Link>
              <div className="mt-0.5 font-mono text-xs text-gray-700 dark:text-gray-300">{m.key}</div>
            </Td>
            <Td>
              <ModelBadges model={m} />
            </Td>
            <Td>{m.company ?? "—"}</Td>
            <Td className="whitespace-nowrap text-right tabular-nums">{formatTokens(m.context_window)}</Td>
            <Td className="whitespace-nowrap text-right tabular-nums">
              {formatPrice(m.price_input_per_m)} / {formatPrice(m.price_output_per_m)}
            </Td>
            <Td>
              {canManage ? (
                <ProjectListToggle kind="model" projectKey={projectKey} id={m.id} name={m.name} inProject={!!m.in_project} />
              ) : m.in_project ? (
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
