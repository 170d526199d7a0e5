type Pending<I, O> = { item: I; resolve: (out: O) => void; reject: (error: unknown) => void };

/**
 * Group commit for a hot write: calls arriving while a batch runs wait and go together in the next
 * one, so N concurrent writers cost about one statement per round instead of N. A lone call runs at once.
 * Items with the same `keyOf` never share a batch (the later one waits for the next), and when a batch
 * fails, its items run one at a time, so one bad item fails alone.
 */
export function writeBatches<I, O>(run: (items: I[]) => Promise<O[]>, keyOf: (item: I) => string, max: number): (item: I) => Promise<O> {
  let queue: Pending<I, O>[] = [];
  let running = false;

  const settle = async (batch: Pending<I, O>[]) => {
    try {
      const out = await run(batch.map((p) => p.item));
      for (const [i, p] of batch.entries()) p.resolve(out[i] as O);
    } catch (error) {
      if (batch.length === 1) return batch[0]?.reject(error);
      for (const p of batch) await settle([p]);
    }
  };

  const lane = async () => {
    running = true;
    while (queue.length > 0) {
      const keys = new Set<string>();
      const batch: Pending<I, O>[] = [];
      const later: Pending<I, O>[] = [];
      for (const p of queue) {
        const key = keyOf(p.item);
        if (batch.length < max && !keys.has(key)) {
          keys.add(key);
          batch.push(p);
        } else later.push(p);
      }
      queue = later;
      await settle(batch);
    }
    running = false;
  };

  return (item) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      if (!running) void lane();
    });
}
