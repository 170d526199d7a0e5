import { describe, expect, it } from "vitest";
import { acquire } from "@/lib/providers/keyed-slots";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const blocked = <T>(p: Promise<T>) => Promise.race([p.then(() => "got a slot"), sleep(50).then(() => "blocked")]);

/** Runs `callers` tasks through `take` and reports the peak number holding a slot at once. */
async function peakOf(callers: number, take: (i: number) => Promise<() => void>, onHold: (i: number, delta: 1 | -1) => void = () => {}) {
  let active = 0;
  let peak = 0;
  const done = await Promise.all(
    Array.from({ length: callers }, async (_, i) => {
      const release = await take(i);
      active += 1;
      onHold(i, 1);
      peak = Math.max(peak, active);
      await sleep(2);
      active -= 1;
      onHold(i, -1);
      release();
      return 1;
    }),
  );
  return { peak, served: done.length };
}

describe("keyed slots", () => {
  it("never lets more than the limit run at once, and serves every caller", async () => {
    expect(await peakOf(40, () => acquire("run-a", 3))).toEqual({ peak: 3, served: 40 });
  });

  it("keeps keys independent: a full key does not block another", async () => {
    const held = await acquire("run-b", 1);
    expect(await blocked(acquire("run-c", 1).then((release) => release()))).toBe("got a slot");
    const second = acquire("run-b", 1);
    expect(await blocked(second)).toBe("blocked");
    held();
    expect(await blocked(second)).toBe("got a slot");
  });

  it("hands a freed slot to the lowest priority number first, first come among equals", async () => {
    const held = await acquire("prio", 1);
    const order: string[] = [];
    const wait = (name: string, priority: number) =>
      acquire("prio", 1, priority).then((release) => {
        order.push(name);
        release();
      });
    const all = Promise.all([wait("late chunk", 2), wait("old chunk a", 1), wait("new chunk", 3), wait("old chunk b", 1)]);
    held();
    await all;
    expect(order).toEqual(["old chunk a", "old chunk b", "late chunk", "new chunk"]);
  });
});
