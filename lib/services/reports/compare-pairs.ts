import { mean } from "@/lib/scoring/statistics/describe";
import { mcnemarExact, pairedDifference, pairedTTest } from "@/lib/scoring/statistics/paired";
import { perSubset } from "@/lib/scoring/statistics/per-subset";
import type { Outcome } from "./compare-query";
import type { TaskScore } from "./compare-load";

export const SIGNIFICANCE = 0.05;

export type PairedTask = { position: number; subset: string | null; a: TaskScore; b: TaskScore; outcome: Outcome };
export type Kind = "pass_fail" | "numeric";

function outcomeOf(a: TaskScore, b: TaskScore, kind: Kind): Outcome {
  if (kind === "pass_fail") return a.passed ? (b.passed ? "both_right" : "only_a") : b.passed ? "only_b" : "both_wrong";
  return a.score > b.score ? "a_higher" : a.score < b.score ? "b_higher" : "same";
}

/**
 * Tasks scored in both runs, in position order. The comparison is pass/fail when every such task was
 * judged pass/fail in both runs; otherwise it compares numeric scores.
 */
export function pairTasks(a: Map<number, TaskScore>, b: Map<number, TaskScore>) {
  const common = [...a.values()].filter((t) => b.has(t.position)).sort((x, y) => x.position - y.position);
  const pairs = common.map((t) => ({ a: t, b: b.get(t.position) as TaskScore }));
  const kind: Kind = pairs.every((p) => p.a.passed !== null && p.b.passed !== null) ? "pass_fail" : "numeric";
  const tasks: PairedTask[] = pairs.map((p) => ({
    position: p.a.position,
    subset: p.a.subset,
    a: p.a,
    b: p.b,
    outcome: outcomeOf(p.a, p.b, kind),
  }));
  return { kind, tasks, unpaired: { only_scored_in_a: a.size - tasks.length, only_scored_in_b: b.size - tasks.length } };
}

const formatP = (p: number) => (p < 0.001 ? "p < 0.001" : `p = ${Number(p.toPrecision(2))}`);

type Test = { name: "mcnemar_exact" | "paired_t"; p: number; statistic: number | null; df: number | null; bBetter: boolean };

function runTest(tasks: readonly PairedTask[], kind: Kind, agreement: Record<string, number>): Test | null {
  if (kind === "pass_fail") {
    const onlyA = agreement.only_a ?? 0;
    const onlyB = agreement.only_b ?? 0;
    return tasks.length
      ? { name: "mcnemar_exact", p: mcnemarExact(onlyA, onlyB).p, statistic: null, df: null, bBetter: onlyB > onlyA }
      : null;
  }
  const t = pairedTTest(
    tasks.map((x) => x.a.score),
    tasks.map((x) => x.b.score),
  );
  return t && { name: "paired_t", p: t.p, statistic: t.t, df: t.df, bBetter: t.t > 0 };
}

/** McNemar for pass/fail, a paired t-test for numeric scores; the statement names the better run when p < 0.05. */
function significance(tasks: readonly PairedTask[], kind: Kind, labels: { a: string; b: string }, agreement: Record<string, number>) {
  const test = runTest(tasks, kind, agreement);
  if (!test) return { name: null, p: null, statistic: null, df: null, winner: null, statement: "Too few paired tasks for a test" };
  const { bBetter, ...rest } = test;
  const winner = test.p < SIGNIFICANCE ? (bBetter ? ("b" as const) : ("a" as const)) : null;
  const [better, worse] = winner === "b" ? [labels.b, labels.a] : [labels.a, labels.b];
  const statement = winner ? `${better} beats ${worse} (${formatP(test.p)})` : `No significant difference (${formatP(test.p)})`;
  return { ...rest, winner, statement };
}

/** b − a with its interval; a difference of pass rates cannot leave [−1, 1], so neither may its interval. */
const difference = (a: readonly number[], b: readonly number[], kind: Kind) => {
  if (a.length === 0) return null;
  const d = pairedDifference(a, b);
  const ci = d.ci && kind === "pass_fail" ? ([Math.max(-1, d.ci[0]), Math.min(1, d.ci[1])] as [number, number]) : d.ci;
  return { n: d.n, value: d.value, se: Number.isFinite(d.se) ? d.se : null, ci };
};

/** Agreement counts, the mean paired difference b − a with its 95% interval, the test, and the same difference per subset. */
export function summarizePairs(tasks: readonly PairedTask[], kind: Kind, labels: { a: string; b: string }) {
  const keys: readonly Outcome[] =
    kind === "pass_fail" ? ["both_right", "only_a", "only_b", "both_wrong"] : ["a_higher", "b_higher", "same"];
  const agreement: Record<string, number> = Object.fromEntries(keys.map((k) => [k, 0]));
  for (const t of tasks) agreement[t.outcome] = (agreement[t.outcome] ?? 0) + 1;
  const scores = (group: readonly PairedTask[]) => ({ a: group.map((t) => t.a.score), b: group.map((t) => t.b.score) });
  const { a, b } = scores(tasks);
  return {
    kind,
    n: tasks.length,
    scores: { a: tasks.length ? mean(a) : null, b: tasks.length ? mean(b) : null },
    agreement,
    difference: difference(a, b, kind),
    test: significance(tasks, kind, labels, agreement),
    subsets: perSubset(tasks, (group) => {
      const s = scores(group);
      return { a: mean(s.a), b: mean(s.b), difference: difference(s.a, s.b, kind) };
    }).map(({ subset, aggregate }) => ({ subset, ...aggregate })),
  };
}
