import { Table, Td, Th, Tr } from "@/components/ui/table";
import { formatMetric, formatRange } from "./format";
import type { ApiAbTest } from "./types";

/** Per-arm n, value with its 95% interval, and the difference vs control with the fixed and always-valid intervals. */
export function ArmTable({ test }: { test: ApiAbTest }) {
  const kind = test.feedback_kind;
  return (
    <Table caption="Per-arm results">
      <thead>
        <tr>
          <Th>Arm</Th>
          <Th>Model</Th>
          <Th>Requests</Th>
          <Th>Feedback n</Th>
          <Th>{kind === "bool" ? "Rate" : "Mean"} [95% CI]</Th>
          <Th>vs A [95% CI]</Th>
          <Th>vs A, always-valid</Th>
        </tr>
      </thead>
      <tbody>
        {test.arms.map((a) => (
          <Tr key={a.arm}>
            <Td className="font-semibold">
              {a.arm}
              {a.arm === "A" ? <span className="ml-1 text-xs font-normal">(control)</span> : null}
              {test.winner === a.arm ? <span className="ml-1 text-xs font-normal">(winner)</span> : null}
            </Td>
            <Td>{a.model}</Td>
            <Td>{a.assigned}</Td>
            <Td>{a.n}</Td>
            <Td>
              {formatMetric(a.value, kind)} {formatRange(a.ci, kind)}
            </Td>
            <Td>{a.difference ? `${formatMetric(a.difference.value, kind, true)} ${formatRange(a.difference.ci, kind, true)}` : "—"}</Td>
            <Td>{a.sequence ? formatRange(a.sequence.ci, kind, true) : "—"}</Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
