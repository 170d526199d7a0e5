/**
 * The key each scorer's output is stored under: its type, or `type#k` (k = its 1-based position) when
 * an earlier scorer has the same type. Results and the summary both key scorers this way.
 */
export function scorerKeys(specs: readonly { type: string }[]): string[] {
  const keys: string[] = [];
  for (const spec of specs) keys.push(keys.includes(spec.type) ? `${spec.type}#${keys.length + 1}` : spec.type);
  return keys;
}
