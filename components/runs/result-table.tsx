import { Badge } from "@/components/ui/badge";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import type { listResults } from "@/lib/services/runs/read";
import { formatInt } from "./format";

type ResultRow = Awaited<ReturnType<typeof listResults>>["items"][number];

const excerpt = (text: string | null, max = 160) => (text == null ? "—" : text.length > max ? `${text.slice(0, max)}…` : text);

function PrimaryScore({ row, primary }: { row: ResultRow; primary: string | null }) {
  const score = primary ? row.scores[primary] : undefined;
  if (!score) return <span className="text-gray-700 dark:text-gray-300">—</span>;
  if (typeof score.pass === "boolean") return score.pass ? <Badge tone="green">Pass</Badge> : <Badge tone="red">Fail</Badge>;
  return <span className="tabular-nums">{typeof score.value === "number" ? score.value.toFixed(2) : String(score.value ?? "—")}</span>;
}

/** One row per (task, sample); response text is shown as text, never as HTML. */
export function ResultTable({ rows, primary }: { rows: ResultRow[]; primary: string | null }) {
  return (
    <Table caption="Results">
      <thead>
        <tr>
          <Th className="text-right">Task</Th>
          <Th className="text-right">Sample</Th>
          <Th>Status</Th>
          <Th>Response</Th>
          <Th>{primary ? `Score (${primary})` : "Score"}</Th>
          <Th className="text-right">Latency</Th>
          <Th className="text-right">Tokens in / out</Th>
          <Th>Error</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <Tr key={`${r.position}-${r.sample}`}>
            <Td className="text-right tabular-nums">{r.position}</Td>
            <Td className="text-right tabular-nums">{r.sample + 1}</Td>
            <Td>{r.status === "ok" ? <Badge tone="green">ok</Badge> : <Badge tone="red">{r.status}</Badge>}</Td>
            <Td className="max-w-md whitespace-pre-wrap break-words">{excerpt(r.responseText)}</Td>
            <Td>
              <PrimaryScore row={r} primary={primary} />
            </Td>
            <Td className="whitespace-nowrap text-right tabular-nums">{r.latencyMs == null ? "—" : `${formatInt(r.latencyMs)} ms`}</Td>
            <Td className="whitespace-nowrap text-right tabular-nums">
              {formatInt(r.tokensIn)} / {formatInt(r.tokensOut)}
            </Td>
            <Td className="max-w-xs break-words">{r.error ? excerpt(`${r.errorKind ? `${r.errorKind}: ` : ""}${r.error}`) : "—"}</Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
