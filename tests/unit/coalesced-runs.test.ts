import { describe, expect, it } from "vitest";
import { coalescedRuns } from "@/lib/coalesced-runs";

const tick = () => new Promise((r) => setTimeout(r, 1));

/** A task that logs its start and end and holds until released. */
function gatedTask(log: string[]) {
  const gates: (() => void)[] = [];
  let runs = 0;
  const run = () => {
    const n = ++runs;
    log.push(`start ${n}`);
    return new Promise<void>((resolve) => gates.push(resolve)).then(() => void log.push(`end ${n}`));
  };
  const release = async () => {
    await tick();
    gates.shift()?.();
    await tick();
  };
  return { run, release, runs: () => runs };
}

describe("coalesced runs", () => {
  it("serves callers arriving during a run with one next run, started after that run ends", async () => {
    const settle = coalescedRuns<string>();
    const log: string[] = [];
    const task = gatedTask(log);
    const first = settle("t", task.run).then(() => void log.push("caller 1 back"));
    await tick();
    // Arrive while run 1 is in flight: they must not be answered by run 1, which may not have seen them.
    const late = [2, 3, 4].map((i) => settle("t", task.run).then(() => void log.push(`caller ${i} back`)));
    await task.release();
    expect(log).toEqual(["start 1", "end 1", "caller 1 back", "start 2"]);
    await task.release();
    await Promise.all([first, ...late]);
    expect(log).toEqual(["start 1", "end 1", "caller 1 back", "start 2", "end 2", "caller 2 back", "caller 3 back", "caller 4 back"]);
    expect(task.runs()).toBe(2);
  });

  it("runs keys independently and starts afresh once a key is idle", async () => {
    const settle = coalescedRuns<string>();
    const log: string[] = [];
    const a = gatedTask(log);
    const b = gatedTask([]);
    const onA = settle("a", a.run);
    const onB = settle("b", b.run);
    await tick();
    expect([a.runs(), b.runs()]).toEqual([1, 1]);
    await a.release();
    await b.release();
    await Promise.all([onA, onB]);
    const again = settle("a", a.run);
    await tick();
    expect(a.runs()).toBe(2);
    await a.release();
    await again;
  });

  it("gives a failed run's error to its callers and still runs the next one", async () => {
    const settle = coalescedRuns<string>();
    let calls = 0;
    let fail: (e: Error) => void = () => {};
    const failing = settle("t", () => new Promise<void>((_, reject) => (fail = reject)));
    await tick();
    const next = settle("t", async () => void calls++);
    fail(new Error("settle failed"));
    await expect(failing).rejects.toThrow("settle failed");
    await next;
    expect(calls).toBe(1);
  });
});
