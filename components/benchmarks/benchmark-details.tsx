import type { ReactNode } from "react";
import type { LoadedBenchmark } from "./load-benchmark";
import { list } from "./benchmark-table";

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 py-2 sm:grid-cols-4 sm:gap-4">
      <dt className="text-sm font-medium text-gray-700 dark:text-gray-300">{label}</dt>
      <dd className="break-words text-sm text-gray-900 sm:col-span-3 dark:text-gray-100">{children}</dd>
    </div>
  );
}

export function BenchmarkDetails({ benchmark: b }: { benchmark: LoadedBenchmark }) {
  return (
    <dl className="divide-y divide-gray-200 dark:divide-gray-800">
      <Row label="Key">
        <code className="font-mono">{b.key}</code>
      </Row>
      <Row label="Description">{b.description || "—"}</Row>
      <Row label="Categories">{list(b.categories)}</Row>
      <Row label="Languages">{list(b.languages)}</Row>
    </dl>
  );
}
