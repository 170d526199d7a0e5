import { NameKeyCell, ProjectCell } from "@/components/ui/catalog-cells";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import type { ApiModel } from "@/lib/services/models/serialize";
import { formatPrice, formatTokens } from "./format";
import { ModelBadges } from "./model-badges";

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
            <NameKeyCell href={`/${projectKey}/models/${m.id}`} name={m.name} itemKey={m.key} />
            <Td>
              <ModelBadges model={m} />
            </Td>
            <Td>{m.company ?? "—"}</Td>
            <Td className="whitespace-nowrap text-right tabular-nums">{formatTokens(m.context_window)}</Td>
            <Td className="whitespace-nowrap text-right tabular-nums">
              {formatPrice(m.price_input_per_m)} / {formatPrice(m.price_output_per_m)}
            </Td>
            <ProjectCell canManage={canManage} kind="model" projectKey={projectKey} id={m.id} name={m.name} inProject={!!m.in_project} />
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
