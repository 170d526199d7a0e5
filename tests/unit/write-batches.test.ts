import { describe, expect, it } from "vitest";
import { writeBatches } from "@/lib/write-batches";

/** A batch writer that records each batch and holds it until released; items named "bad" fail their batch. */
function gatedWriter() {
  const batches: string[][] = [];
  const gates: (() => void)[] = [];
  const run = async (items: string[]) => {
    batches.push(items);
    await new Promise<void>((resolve) => gates.push(resolve));
    if (items.includes("bad")) throw new Error("bad item");
    return items.map((item) => `wrote ${item}`);
  };
  const release = async () => {
    while (gates.length === 0) await new Promise((r) => setTimeout(r, 1));
    gates.shift()?.();
    await new Promise((r) => setTimeout(r, 1));
  };
  return { run, release, batches };
}

describe("write batches", () => {
  it("runs a lone write at once and groups the writes arriving meanwhile, each answered with its own result", async () => {
    const w = gatedWriter();
    const write = writeBatches(w.run, (item) => item, 10);
    const first = write("a");
    const rest = ["b", "c", "d"].map(write);
    expect(w.batches).toEqual([["a"]]);
    await w.release();
    expect(w.batches).toEqual([["a"], ["b", "c", "d"]]);
    await w.release();
    expect(await Promise.all([first, ...rest])).toEqual(["wrote a", "wrote b", "wrote c", "wrote d"]);
  });

  it("keeps writes with the same key in separate batches, in order, and caps a batch at max", async () => {
    const w = gatedWriter();
    const write = writeBatches(w.run, (item) => item.split(":")[0] as string, 2);
    const all = ["x:1", "x:2", "y:1", "z:1", "x:3"].map(write);
    for (let i = 0; i < 3; i++) await w.release();
    await Promise.all(all);
    expect(w.batches).toEqual([["x:1"], ["x:2", "y:1"], ["z:1", "x:3"]]);
  });

  it("retries a failed batch one item at a time, so only the bad item fails", async () => {
    const w = gatedWriter();
    const write = writeBatches(w.run, (item) => item, 10);
    const first = write("a");
    const rest = ["b", "bad", "c"].map((item) => write(item).catch((error: Error) => error.message));
    for (let i = 0; i < 5; i++) await w.release();
    expect(await Promise.all([first, ...rest])).toEqual(["wrote a", "wrote b", "bad item", "wrote c"]);
    expect(w.batches.slice(1)).toEqual([["b", "bad", "c"], ["b"], ["bad"], ["c"]]);
  });
});
