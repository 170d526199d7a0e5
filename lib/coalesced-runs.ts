type Slot = { tail: Promise<void>; queued: Promise<void> | null };

/**
 * A task per key that many callers ask for, run at most once at a time per key: a caller arriving while a
 * run is in flight does not start another but waits for the next run, which starts when that one ends and
 * serves every caller that arrived meanwhile. So each caller returns after a whole run that started after
 * its call (and saw whatever the caller did before it), and a burst of N callers costs about two runs.
 */
export function coalescedRuns<K>(): (key: K, run: () => Promise<void>) => Promise<void> {
  const slots = new Map<K, Slot>();
  return (key, run) => {
    const slot = slots.get(key) ?? { tail: Promise.resolve(), queued: null };
    if (slot.queued) return slot.queued;
    const queued = slot.tail.then(() => {
      slot.queued = null; // started: later callers need a run after this one
      return run();
    });
    slot.queued = queued;
    // The next run follows this one whether it succeeds or fails; the callers of a failed run get its error.
    const tail = queued.then(
      () => {},
      () => {},
    );
    slot.tail = tail;
    slots.set(key, slot);
    void tail.then(() => {
      if (slot.tail === tail) slots.delete(key); // nobody queued behind it
    });
    return queued;
  };
}
