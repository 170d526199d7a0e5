import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { linkClass } from "@/components/ui/styles";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { PromptView } from "../prompt-view";
import type { UploadResult } from "./types";

const n = (v: number) => v.toLocaleString("en-US");

function Issues({ result }: { result: UploadResult }) {
  const v = result.validation;
  const rows = v.errors.flatMap((e) => e.errors.map((issue, i) => ({ key: `${e.row}-${i}`, row: e.row, ...issue })));
  if (rows.length === 0) return <p className="text-sm">No errors or warnings.</p>;
  return (
    <div className="space-y-2">
      <p className="text-sm">
        {n(v.errorCount)} error{v.errorCount === 1 ? "" : "s"} and {n(v.warningCount)} warning{v.warningCount === 1 ? "" : "s"} in{" "}
        {n(v.errorRows)} row{v.errorRows === 1 ? "" : "s"}
        {v.errorRows > v.errors.length ? ` (showing first ${n(v.errors.length)} of ${n(v.errorRows)} rows)` : ""}.
        {result.dry_run ? " Rows with errors are skipped on import." : ""}
      </p>
      <Table caption={result.dry_run ? "Validation problems" : "Skipped rows and warnings"}>
        <thead>
          <tr>
            <Th>Row</Th>
            <Th>Level</Th>
            <Th>Message</Th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <Tr key={r.key}>
              <Td className="tabular-nums">{r.row === 0 ? "File" : `Row ${r.row}`}</Td>
              <Td>
                <Badge tone={r.level === "error" ? "red" : "amber"}>{r.level}</Badge>
              </Td>
              <Td className="break-words">{r.message}</Td>
            </Tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}

export function UploadResultPanel({
  result,
  projectKey,
  onImport,
  importing,
  formula,
}: {
  result: UploadResult;
  projectKey: string;
  onImport: () => void;
  importing: boolean;
  formula: string;
}) {
  const v = result.validation;
  const benchmarkHref =
    result.benchmark && result.version ? `/${projectKey}/benchmarks/${result.benchmark.id}?v=${result.version.number}` : null;
  return (
    <section aria-label="Upload result" data-testid="upload-result" className="space-y-4">
      {result.dry_run ? (
        <div className="space-y-1">
          <h2 className="text-lg font-semibold">Dry run: nothing was saved</h2>
          <p className="text-sm">
            <strong data-testid="valid-count">{n(v.valid)}</strong> valid task{v.valid === 1 ? "" : "s"} of {n(v.total)} row
            {v.total === 1 ? "" : "s"} · detected format <code>{v.format}</code>
            {v.notRunnable ? ` · ${n(v.notRunnable)} stored but not runnable` : ""}
          </p>
          <p className="text-sm" title={formula}>
            Recommended minimum tasks per run: <strong>{n(v.recommendedMinTasks)}</strong>
          </p>
          <details className="text-sm">
            <summary className="cursor-pointer">How the recommendation is computed</summary>
            <p className="mt-1 font-mono text-xs">{formula}</p>
          </details>
        </div>
      ) : (
        <div className="space-y-1">
          <h2 className="text-lg font-semibold">
            {result.created
              ? `Imported ${n(v.valid)} tasks as version ${result.version?.number}`
              : `No changes: the file equals version ${result.version?.number}`}
          </h2>
          {benchmarkHref ? (
            <p className="text-sm">
              <Link className={linkClass} href={benchmarkHref}>
                Open benchmark
              </Link>
            </p>
          ) : null}
        </div>
      )}
      {result.dry_run && v.columns.length ? (
        <Table caption="What each column became">
          <thead>
            <tr>
              <Th>Column</Th>
              <Th>Becomes</Th>
            </tr>
          </thead>
          <tbody>
            {v.columns.map((c) => (
              <Tr key={c.column}>
                <Td className="font-mono">{c.column}</Td>
                <Td>{c.becomes}</Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      ) : null}
      <Issues result={result} />
      {result.dry_run && v.preview.length ? (
        <div className="space-y-3">
          <h3 className="font-semibold">Preview: the first tasks as a model sees them</h3>
          {v.preview.map((p) => (
            <div key={p.row} className="space-y-1">
              <p className="text-xs font-medium text-gray-700 dark:text-gray-300">Row {p.row}</p>
              <PromptView messages={p.prompt.messages} choices={p.prompt.choices} />
            </div>
          ))}
        </div>
      ) : null}
      {result.dry_run ? (
        <Button onClick={onImport} pending={importing} disabled={v.valid === 0}>
          Import
        </Button>
      ) : null}
    </section>
  );
}
