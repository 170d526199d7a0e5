/** Items queued by any batcher in this process: a turn that saw this change was not quiet. */
let queuedEver = 0;

export type QuietBatchOptions = { batch: number; maxBacklog: number };

/**
 * Deferred work (scoring and recording a chunk's finished items) done a batch at a time, only in
 * event-loop turns in which no batcher queued anything: while model responses keep arriving, their
 * next requests are sent first and the work waits for the gap after the wave. A backlog of
 * `maxBacklog` items is worked off regardless (when responses never stop, at 0 ms latency).
 */
export function quietBatches<T>(work: (batch: T[]) => void, options: QuietBatchOptions) {
  const queue: T[] = [];
  let seen = queuedEver;
  let scheduled = false;
  const turn = () => {
    scheduled = false;
    const quiet = seen === queuedEver;
    seen = queuedEver;
    if (queue.length === 0) return;
    if (quiet || queue.length >= options.maxBacklog) work(queue.splice(0, options.batch));
    if (queue.length > 0) schedule();
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(turn);
  };
  return {
    push(item: T) {
      queue.push(item);
      queuedEver += 1;
      schedule();
    },
    /** Works off everything queued, now (a chunk's end). */
    drain() {
      while (queue.length > 0) work(queue.splice(0, options.batch));
    },
  };
}
