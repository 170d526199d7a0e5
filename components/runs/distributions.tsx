import { Histogram } from "@/components/charts/histogram";
import { Section } from "@/components/ui/card";
import { focusRing } from "@/components/ui/styles";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { formatInt } from "./format";
import { distributionsOf } from "./histograms";
import type { RunSummary } from "./types";

export function Distributions({ summary }: { summary: RunSummary }) {
  const distributions = distributionsOf(summary);
  return (
    <Section title="Distributions" description="Answered results only. Numeric scorers show how their values spread.">
      {distributions.length === 0 ? (
        <p className="text-sm text-gray-700 dark:text-gray-300">No answered results to describe.</p>
      ) : (
        <div className="grid gap-6 lg:grid-cols-2">
          {distributions.map((d) => (
            <div key={d.title} className="min-w-0 space-y-2 break-inside-avoid">
              <Histogram title={d.title} bars={d.bars} />
              <details data-print-open className="text-sm">
                <summary className={`cursor-pointer rounded font-medium ${focusRing}`}>Numbers for {d.title}</summary>
                <div className="mt-2">
                  <Table caption={`Distribution: ${d.title}`}>
                    <thead>
                      <tr>
                        <Th>Range</Th>
                        <Th className="text-right">Results</Th>
                      </tr>
                    </thead>
                    <tbody>
                      {d.bars.map((b) => (
                        <Tr key={b.lo}>
                          <Td className="tabular-nums">{b.label}</Td>
                          <Td className="text-right tabular-nums">{formatInt(b.count)}</Td>
                        </Tr>
                      ))}
                    </tbody>
                  </Table>
                </div>
              </details>
            </div>
          ))}
        </div>
      )}
    </Section>
  );
}
