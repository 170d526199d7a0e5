import { describe, expect, it } from "vitest";
import { quietBatches } from "@/lib/jobs/quiet-batches";

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe("quietBatches", () => {
  it("waits while items keep arriving, then works them off a batch per quiet turn", async () => {
    const batches: number[][] = [];
    const batcher = quietBatches<number>((batch) => batches.push(batch), { batch: 3, maxBacklog: 100 });
    // One item every turn, as responses arriving one per event-loop turn: nothing is worked meanwhile.
    for (let i = 0; i < 7; i++) {
      batcher.push(i);
      await turn();
    }
    expect(batches).toEqual([]);
    for (let i = 0; i < 4; i++) await turn();
    expect(batches).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
  });

  it("works a batch every turn once the backlog is full, even while items keep arriving", async () => {
    const batches: number[][] = [];
    const batcher = quietBatches<number>((batch) => batches.push(batch), { batch: 2, maxBacklog: 4 });
    for (let i = 0; i < 6; i++) {
      batcher.push(i);
      await turn();
    }
    expect(batches.flat()).toEqual([0, 1, 2, 3]);
  });

  it("notices items queued by another batcher: a turn is quiet only when no batcher queued anything", async () => {
    const batches: number[][] = [];
    const batcher = quietBatches<number>((batch) => batches.push(batch), { batch: 8, maxBacklog: 100 });
    const other = quietBatches<number>(() => {}, { batch: 8, maxBacklog: 100 });
    batcher.push(1);
    for (let i = 0; i < 3; i++) {
      other.push(i);
      await turn();
    }
    expect(batches).toEqual([]);
    await turn();
    await turn();
    expect(batches).toEqual([[1]]);
  });

  it("drain works off everything at once", () => {
    const batches: number[][] = [];
    const batcher = quietBatches<number>((batch) => batches.push(batch), { batch: 2, maxBacklog: 100 });
    for (let i = 0; i < 5; i++) batcher.push(i);
    batcher.drain();
    expect(batches).toEqual([[0, 1], [2, 3], [4]]);
  });
});
