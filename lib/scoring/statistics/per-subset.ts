export const NO_SUBSET = "(none)";

export type SubsetGroup<A> = { subset: string; aggregate: A };

/** Applies `aggregate` to each subset's results; results without a subset share the NO_SUBSET group. */
export function perSubset<R extends { subset?: string | null }, A>(results: readonly R[], aggregate: (group: R[]) => A): SubsetGroup<A>[] {
  const groups = new Map<string, R[]>();
  for (const result of results) {
    const key = result.subset ?? NO_SUBSET;
    const group = groups.get(key);
    if (group) group.push(result);
    else groups.set(key, [result]);
  }
  return [...groups.keys()].sort().map((subset) => ({ subset, aggregate: aggregate(groups.get(subset) ?? []) }));
}
