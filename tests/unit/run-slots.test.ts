import { describe, expect, it } from "vitest";
import { acquire } from "@/lib/jobs/run-slots";

describe("per-run slots", () => {
  it("never lets more than the limit run at once, and serves every caller", async () => {
    let active = 0;
    let peak = 0;
    const work = async () => {
      const release = await acquire("run-a", 3);
      active += 1;
      peak = Math.max(peak, active);
      await new Promise((r) => setTimeout(r, 2));
      active -= 1;
      release();
      return 1;
    };
    const done = await Promise.all(Array.from({ length: 40 }, work));
    expect(done).toHaveLength(40);
    expect(peak).toBe(3);
  });

  it("keeps runs independent: a full run does not block another", async () => {
    const held = await acquire("run-b", 1);
    const sleep = new Promise((r) => setTimeout(() => r("blocked"), 50));
    const other = acquire("run-c", 1).then((release) => {
      release();
      return "got a slot";
    });
    expect(await Promise.race([other, sleep])).toBe("got a slot");
    const second = acquire("run-b", 1).then(() => "got a slot");
    expect(await Promise.race([second, new Promise((r) => setTimeout(() => r("blocked"), 50))])).toBe("blocked");
    held();
    expect(await second).toBe("got a slot");
  });
});
