import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { seed } from "@/lib/server/seed/seed";
import { acquireRate } from "@/lib/providers/rate-limit";
import { getModel } from "@/lib/services/models/read";
import { makeProject, makeUser } from "../support/factories";

/** Windows are calendar minutes: start each test well inside one so a boundary cannot split it. */
async function awayFromMinuteBoundary() {
  const intoMinute = Date.now() % 60_000;
  if (intoMinute > 55_000) await new Promise((r) => setTimeout(r, 60_000 - intoMinute + 100));
}

const within = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([promise.then(() => "claimed"), new Promise((r) => setTimeout(() => r("waiting"), ms))]);

describe("per-model rate limits in Postgres", () => {
  it("lets exactly rpm requests through per minute, however many callers race for them", async () => {
    await makeUser();
    await seed(db, { demo: false, baseUrl: "http://x", log: () => {} });
    const ctx = await makeProject();
    const model = await getModel(ctx, { key: "openai/gpt-4o" });
    await awayFromMinuteBoundary();
    // Twenty concurrent callers (as from several workers) against a limit of 5 requests a minute.
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => within(acquireRate(model.id, { rpm: 5, tpm: null }, 10), 400)));
    expect(outcomes.filter((o) => o === "claimed")).toHaveLength(5);
  });

  it("also caps tokens per minute", async () => {
    const ctx = await makeProject();
    const model = await getModel(ctx, { key: "openai/gpt-4o-mini" });
    await awayFromMinuteBoundary();
    const outcomes = [];
    for (let i = 0; i < 4; i++) outcomes.push(await within(acquireRate(model.id, { rpm: null, tpm: 250 }, 100), 300));
    expect(outcomes.slice(0, 2)).toEqual(["claimed", "claimed"]);
    expect(outcomes.at(-1)).toBe("waiting");
  });
});
