import { formatDate } from "@/components/ui/format-date";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import type { listMetricFeedback } from "@/lib/services/feedback/metric";
import type { listPreferenceFeedback } from "@/lib/services/feedback/preference";

type Metric = Awaited<ReturnType<typeof listMetricFeedback>>["items"][number];
type Preference = Awaited<ReturnType<typeof listPreferenceFeedback>>["items"][number];

/** The latest metric and preference feedback of a use case. */
export function RecentFeedback({ metric, preference }: { metric: Metric[]; preference: Preference[] }) {
  return (
    <div className="grid gap-6 xl:grid-cols-2">
      <Table caption="Latest metric feedback">
        <thead>
          <tr>
            <Th>When</Th>
            <Th>Key</Th>
            <Th>Value</Th>
            <Th>Model</Th>
            <Th>User</Th>
          </tr>
        </thead>
        <tbody>
          {metric.map((f) => (
            <Tr key={f.id}>
              <Td className="whitespace-nowrap">{formatDate(f.created_at)}</Td>
              <Td className="font-mono text-xs">{f.feedback_key}</Td>
              <Td>{f.value}</Td>
              <Td className="font-mono text-xs">{f.model}</Td>
              <Td>{f.user ?? "—"}</Td>
            </Tr>
          ))}
        </tbody>
      </Table>
      <Table caption="Latest preference feedback">
        <thead>
          <tr>
            <Th>When</Th>
            <Th>Key</Th>
            <Th>Preferred</Th>
            <Th>Over</Th>
          </tr>
        </thead>
        <tbody>
          {preference.map((p) => (
            <Tr key={p.id}>
              <Td className="whitespace-nowrap">{formatDate(p.created_at)}</Td>
              <Td className="font-mono text-xs">{p.feedback_key}</Td>
              <Td className="font-mono text-xs">{p.tied ? "tie" : p.preferred_model}</Td>
              <Td className="font-mono text-xs">{p.tied ? `${p.preferred_model} = ${p.other_model}` : p.other_model}</Td>
            </Tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
