/**
 * Counting semaphores by key, within this process: several chunk jobs of one run (and runs of one
 * model) may be active at once, and together they must not exceed the run's or the model's bound.
 */
const slots = new Map<string, { active: number; waiting: (() => void)[] }>();

export async function acquire(key: string, limit: number): Promise<() => void> {
  let state = slots.get(key);
  if (!state) {
    state = { active: 0, waiting: [] };
    slots.set(key, state);
  }
  const entry = state;
  if (entry.active < limit) entry.active += 1;
  // A released slot is handed straight to the next waiter, so the count never overshoots.
  else await new Promise<void>((resolve) => entry.waiting.push(resolve));
  return () => {
    const next = entry.waiting.shift();
    if (next) return next();
    entry.active -= 1;
    if (entry.active === 0) slots.delete(key);
  };
}

/**
 * A slot for one model call: the run's first, then the model's (when it has a bound). Always in that
 * order, so a caller waiting for a model slot holds only its own run's slot and no cycle can form.
 * The model bound is per worker process; N processes allow N × max_concurrency in flight.
 */
export async function acquireCall(run: { id: string; concurrency: number }, model: { id: string; maxConcurrency: number | null }): Promise<() => void> {
  const releaseRun = await acquire(`run:${run.id}`, run.concurrency);
  if (!model.maxConcurrency) return releaseRun;
  const releaseModel = await acquire(`model:${model.id}`, model.maxConcurrency);
  return () => {
    releaseModel();
    releaseRun();
  };
}
