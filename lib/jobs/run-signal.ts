type Entry = { controller: AbortController; chunks: number };
const running = new Map<string, Entry>();

/**
 * One abort signal per run in this process, shared by all its chunks: when one chunk learns the run
 * stopped (cancelled, or failed by the dead-endpoint rule) every chunk of it here stops at once.
 */
export function joinRun(runId: string) {
  let entry = running.get(runId);
  if (!entry) {
    entry = { controller: new AbortController(), chunks: 0 };
    running.set(runId, entry);
  }
  const joined = entry;
  joined.chunks += 1;
  return {
    signal: joined.controller.signal,
    stop: () => joined.controller.abort(),
    leave: () => {
      joined.chunks -= 1;
      if (joined.chunks === 0 && running.get(runId) === joined) running.delete(runId);
    },
  };
}
