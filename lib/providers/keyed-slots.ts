/**
 * Counting semaphores by key, within this process: several chunk jobs of one run (and calls to one
 * model) may be active at once, and together they must not exceed the run's or the model's bound.
 */
type Waiter = { priority: number; resolve: () => void };
const slots = new Map<string, { active: number; waiting: Waiter[] }>();

/**
 * Takes a slot of `key`, waiting while `limit` are taken. A freed slot goes to the waiter with the lowest
 * priority number (first come among equals): chunks pass their start order, so the oldest chunk
 * finishes first while younger ones fill its tail, instead of every chunk ending (and idling) at once.
 */
export async function acquire(key: string, limit: number, priority = 0): Promise<() => void> {
  let state = slots.get(key);
  if (!state) {
    state = { active: 0, waiting: [] };
    slots.set(key, state);
  }
  const entry = state;
  if (entry.active < limit) entry.active += 1;
  // A released slot is handed straight to the next waiter, so the count never overshoots.
  else
    await new Promise<void>((resolve) => {
      let at = entry.waiting.length;
      while (at > 0 && (entry.waiting[at - 1] as Waiter).priority > priority) at--;
      entry.waiting.splice(at, 0, { priority, resolve });
    });
  return () => {
    const next = entry.waiting.shift();
    if (next) return next.resolve();
    entry.active -= 1;
    if (entry.active === 0) slots.delete(key);
  };
}
