/**
 * In-flight calls per run within this process: several chunk jobs of one run may be active at once,
 * and together they must not exceed the run's concurrency.
 */
const slots = new Map<string, { active: number; waiting: (() => void)[] }>();

export async function acquire(runId: string, limit: number): Promise<() => void> {
  let state = slots.get(runId);
  if (!state) {
    state = { active: 0, waiting: [] };
    slots.set(runId, state);
  }
  const entry = state;
  if (entry.active < limit) entry.active += 1;
  // A released slot is handed straight to the next waiter, so the count never overshoots.
  else await new Promise<void>((resolve) => entry.waiting.push(resolve));
  return () => {
    const next = entry.waiting.shift();
    if (next) return next();
    entry.active -= 1;
    if (entry.active === 0) slots.delete(runId);
  };
}
