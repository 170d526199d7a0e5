import { Table, Td, Th, Tr } from "@/components/ui/table";
import { ScorerValue } from "./result-table";

export type StoredScores = Record<string, { value: unknown; pass?: boolean; explanation?: string; answer?: unknown }>;

/** Stored values as text: strings as they are, anything else as indented JSON. */
export const displayText = (value: unknown) =>
  value === undefined || value === null ? "—" : typeof value === "string" ? value : JSON.stringify(value, null, 2);

/** Every scorer's result for one answer: its value or pass/fail, the answer it read and its explanation (a judge's rationale). */
export function ScorerTable({ scores, caption }: { scores: StoredScores; caption: string }) {
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          <Th>Scorer</Th>
          <Th>Result</Th>
          <Th>Answer read</Th>
          <Th>Explanation</Th>
        </tr>
      </thead>
      <tbody>
        {Object.entries(scores).map(([name, s]) => (
          <Tr key={name}>
            <Td className="font-medium">{name}</Td>
            <Td>
              <ScorerValue score={s} />
            </Td>
            <Td className="max-w-xs whitespace-pre-wrap break-words">{displayText(s.answer)}</Td>
            <Td className="max-w-lg whitespace-pre-wrap break-words">{s.explanation ?? "—"}</Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
