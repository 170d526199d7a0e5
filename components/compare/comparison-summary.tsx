import Link from "next/link";
import { Section } from "@/components/ui/card";
import { linkClass } from "@/components/ui/styles";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import type { Comparison } from "@/lib/services/reports/compare";
import type { Outcome } from "@/lib/services/reports/compare-query";
import { DeltaBars } from "./delta-bars";
import { formatDelta, formatMean, outcomeLabel } from "./format";

type Pairing = Comparison["comparisons"][number];
type Props = { pairing: Pairing; a: string; b: string; bLetter: string; tasksHref: (filter: Outcome) => string };

function Count({ pairing, outcome, href }: { pairing: Pairing; outcome: Outcome; href: (filter: Outcome) => string }) {
  const n = pairing.agreement[outcome] ?? 0;
  return n > 0 ? (
    <Link className={linkClass} href={href(outcome)}>
      {n}
    </Link>
  ) : (
    <>0</>
  );
}

function Agreement({ pairing, bLetter, tasksHref }: Omit<Props, "a" | "b">) {
  if (pairing.kind === "numeric") {
    return (
      <Table caption={`Which run scored higher, A vs ${bLetter}`}>
        <thead>
          <tr>
            <Th>Outcome</Th>
            <Th className="text-right">Tasks</Th>
          </tr>
        </thead>
        <tbody>
          {(["a_higher", "b_higher", "same"] as const).map((o) => (
            <Tr key={o}>
              <Td>{outcomeLabel(o, bLetter)}</Td>
              <Td className="text-right tabular-nums">
                <Count pairing={pairing} outcome={o} href={tasksHref} />
              </Td>
            </Tr>
          ))}
        </tbody>
      </Table>
    );
  }
  return (
    <Table caption={`Agreement per task, A vs ${bLetter}`}>
      <thead>
        <tr>
          <Th>
            <span className="sr-only">Baseline A</span>
          </Th>
          <Th className="text-right">{bLetter} right</Th>
          <Th className="text-right">{bLetter} wrong</Th>
        </tr>
      </thead>
      <tbody>
        {(
          [
            ["A right", "both_right", "only_a"],
            ["A wrong", "only_b", "both_wrong"],
          ] as const
        ).map(([row, right, wrong]) => (
          <Tr key={row}>
            <Th scope="row">{row}</Th>
            <Td className="text-right tabular-nums">
              <Count pairing={pairing} outcome={right} href={tasksHref} />
            </Td>
            <Td className="text-right tabular-nums">
              <Count pairing={pairing} outcome={wrong} href={tasksHref} />
            </Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}

const testName = (t: Pairing["test"]) =>
  t.name === "mcnemar_exact"
    ? "McNemar's exact test on the tasks where the runs disagree"
    : t.name === "paired_t"
      ? `Paired t-test on per-task differences, df = ${t.df}`
      : "No test";

/** One pairing with the baseline: the verdict, the paired difference, agreement, and the difference per subset. */
export function ComparisonSummary({ pairing, a, b, bLetter, tasksHref }: Props) {
  const percent = pairing.kind === "pass_fail";
  const subsets = pairing.subsets.filter((s) => s.difference);
  const { only_scored_in_a: onlyA, only_scored_in_b: onlyB } = pairing.unpaired;
  return (
    <Section
      title={`A: ${a} vs ${bLetter}: ${b}`}
      description={`${testName(pairing.test)}. Differences are ${bLetter} − A over the ${pairing.n} tasks both runs scored.`}
    >
      <p className="text-lg font-semibold" data-testid="verdict">
        {pairing.test.statement}
      </p>
      <dl className="grid gap-4 sm:grid-cols-3">
        <div>
          <dt className="text-xs font-medium uppercase tracking-wide text-gray-700 dark:text-gray-300">A: {a}</dt>
          <dd className="mt-0.5 text-xl font-semibold tabular-nums">{formatMean(pairing.scores.a, percent)}</dd>
        </div>
        <div>
          <dt className="text-xs font-medium uppercase tracking-wide text-gray-700 dark:text-gray-300">
            {bLetter}: {b}
          </dt>
          <dd className="mt-0.5 text-xl font-semibold tabular-nums">{formatMean(pairing.scores.b, percent)}</dd>
        </div>
        <div>
          <dt className="text-xs font-medium uppercase tracking-wide text-gray-700 dark:text-gray-300">
            Difference {bLetter} − A [95% interval]
          </dt>
          <dd className="mt-0.5 text-xl font-semibold tabular-nums">{formatDelta(pairing.difference, percent)}</dd>
        </div>
      </dl>
      {onlyA + onlyB > 0 ? (
        <p className="text-sm text-gray-700 dark:text-gray-300">
          Left out (scored in one run only, e.g. errors or a different sample of tasks): {onlyA} in A, {onlyB} in {bLetter}.
        </p>
      ) : null}
      <Agreement pairing={pairing} bLetter={bLetter} tasksHref={tasksHref} />
      {subsets.length > 0 ? (
        <Table caption={`Difference by subset, ${bLetter} − A`}>
          <thead>
            <tr>
              <Th>Subset</Th>
              <Th className="text-right">Tasks</Th>
              <Th className="text-right">A</Th>
              <Th className="text-right">{bLetter}</Th>
              <Th className="text-right">{bLetter} − A [95% interval]</Th>
            </tr>
          </thead>
          <tbody>
            {subsets.map((s) => (
              <Tr key={s.subset}>
                <Td>{s.subset}</Td>
                <Td className="text-right tabular-nums">{s.difference?.n}</Td>
                <Td className="text-right tabular-nums">{formatMean(s.a, percent)}</Td>
                <Td className="text-right tabular-nums">{formatMean(s.b, percent)}</Td>
                <Td className="whitespace-nowrap text-right tabular-nums">{formatDelta(s.difference, percent)}</Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      ) : null}
      {subsets.length > 1 ? (
        <DeltaBars
          title={`${bLetter} − A by subset, with 95% intervals`}
          percent={percent}
          bars={subsets.map((s) => ({ label: s.subset, value: s.difference?.value ?? 0, ci: s.difference?.ci ?? null }))}
        />
      ) : null}
    </Section>
  );
}
