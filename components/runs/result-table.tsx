import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { linkClass } from "@/components/ui/styles";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import type { ApiResult } from "@/lib/services/runs/read";
import type { ResultFilters } from "@/lib/validation/run-results";
import { excerpt, formatInt } from "./format";
import { resultHref } from "./links";

export function Outcome({ result }: { result: Pick<ApiResult, "status" | "passed"> }) {
  if (result.status !== "ok") return <Badge tone="red">Error</Badge>;
  if (result.passed === null) return <span className="text-gray-700 dark:text-gray-300">—</span>;
  return result.passed ? <Badge tone="green">Correct</Badge> : <Badge tone="amber">Incorrect</Badge>;
}

export function ScorerValue({ score }: { score: ApiResult["scores"][string] | undefined }) {
  if (!score) return <span className="text-gray-700 dark:text-gray-300">—</span>;
  if (typeof score.pass === "boolean") return score.pass ? <Badge tone="green">Pass</Badge> : <Badge tone="amber">Fail</Badge>;
  return <span className="tabular-nums">{typeof score.value === "number" ? score.value.toFixed(2) : String(score.value ?? "—")}</span>;
}

type Sort = Pick<ResultFilters, "sort" | "order">;
const ariaSort = (sort: Sort, column: ResultFilters["sort"]) =>
  sort.sort === column ? (sort.order === "asc" ? "ascending" : "descending") : undefined;

const truthText = (truth: unknown) => (truth == null ? null : typeof truth === "string" ? truth : JSON.stringify(truth));

/** One row per (task, sample), linking to its drill-down; response text is shown as text, never as HTML. */
export function ResultTable({
  rows,
  projectKey,
  runId,
  sort,
  scorer,
}: {
  rows: ApiResult[];
  projectKey: string;
  runId: string;
  sort: Sort;
  scorer?: string;
}) {
  return (
    <Table caption="Results">
      <thead>
        <tr>
          <Th className="text-right" aria-sort={ariaSort(sort, "position")}>
            Task
          </Th>
          <Th className="text-right">Sample</Th>
          <Th>Question</Th>
          <Th>Truth</Th>
          <Th>Subset</Th>
          <Th>Outcome</Th>
          <Th>Response</Th>
          <Th className="text-right" aria-sort={ariaSort(sort, "score")}>
            Score
          </Th>
          {scorer ? <Th>{scorer}</Th> : null}
          <Th className="text-right" aria-sort={ariaSort(sort, "latency")}>
            Latency
          </Th>
          <Th className="text-right">Tokens in / out</Th>
          <Th>Error</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <Tr key={`${r.position}-${r.sample}`}>
            <Td className="text-right tabular-nums">
              <Link
                className={linkClass}
                href={resultHref(projectKey, runId, r)}
                aria-label={`Task ${r.position}, sample ${r.sample}: details`}
              >
                {r.position}
              </Link>
            </Td>
            <Td className="text-right tabular-nums">{r.sample}</Td>
            <Td className="max-w-xs whitespace-pre-wrap break-words">{excerpt(r.question, 120)}</Td>
            <Td className="max-w-[12rem] break-words">{excerpt(truthText(r.truth), 60)}</Td>
            <Td>{r.subset ?? "—"}</Td>
            <Td>
              <Outcome result={r} />
            </Td>
            <Td className="max-w-md whitespace-pre-wrap break-words">{excerpt(r.response_text)}</Td>
            <Td className="text-right tabular-nums">{r.score == null ? "—" : r.score.toFixed(2)}</Td>
            {scorer ? (
              <Td>
                <ScorerValue score={r.scores[scorer]} />
              </Td>
            ) : null}
            <Td className="whitespace-nowrap text-right tabular-nums">{r.latency_ms == null ? "—" : `${formatInt(r.latency_ms)} ms`}</Td>
            <Td className="whitespace-nowrap text-right tabular-nums">
              {formatInt(r.tokens_in)} / {formatInt(r.tokens_out)}
            </Td>
            <Td className="max-w-xs break-words">{r.error ? excerpt(`${r.error_kind ? `${r.error_kind}: ` : ""}${r.error}`) : "—"}</Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
