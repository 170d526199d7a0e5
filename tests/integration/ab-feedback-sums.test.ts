import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as metricRoute from "@/app/api/v1/feedback/metric/route";
import { db } from "@/db";
import { abTestBuckets, abTestUsers, abTestValues, metricFeedback } from "@/db/schema";
import type { ProjectCtx } from "@/lib/auth/context";
import { armMomentsOf } from "@/lib/scoring/ab/moments";
import { armsOf } from "@/lib/services/ab-tests/find";
import { makeProject } from "../support/factories";
import { makeMetricAbTest, tokenFor } from "../support/online";
import { callRoute } from "../support/route-call";

// The feedback write path keeps its running sums in one statement per batch of feedback, in sharded rows. Whatever
// the interleaving of concurrent writers, the sums must equal those recomputed from the values counted.

let ctx: ProjectCtx;
let token: string;
let testId: string;
let ids: { id: string; arm: "A" | "B" }[] = [];

const send = (completion_id: string, value: number, user?: string) =>
  callRoute(metricRoute.POST, "/api/v1/feedback/metric", {
    token,
    method: "POST",
    body: { completion_id, feedback_key: "score", value, user },
  });

beforeAll(async () => {
  ctx = await makeProject();
  token = await tokenFor(ctx, "member");
  ({ testId, ids } = await makeMetricAbTest(ctx, {
    key: "sums",
    feedbackKey: "score",
    kind: "scalar",
    autoDeploy: false,
    minSamples: 1_000_000,
    count: 40,
  }));
});

describe("A/B feedback sums under concurrent writers", () => {
  it("equal the sums recomputed from the counted values, clustered by user, with every feedback stored", async () => {
    // 400 writes, 16 at a time: users rate many interactions (clusters), rate the same one again (replacements,
    // pairs racing on the same first value), and some feedback has no user.
    const writes = Array.from({ length: 400 }, (_, i) => {
      const target = ids[Math.floor(i / 4) % ids.length]?.id as string;
      const user = i % 4 === 3 ? undefined : `user-${Math.floor(i / 2) % 9}`;
      return () => send(target, ((i * 37) % 11) / 2 - 1, user);
    });
    for (let i = 0; i < writes.length; i += 16) {
      const statuses = await Promise.all(writes.slice(i, i + 16).map((w) => w().then((r) => r.status)));
      expect(statuses.every((s) => s === 201)).toBe(true);
    }
    const stored = await db.select().from(metricFeedback).where(eq(metricFeedback.projectId, ctx.project.id));
    expect(stored).toHaveLength(400);

    const values = await db.select().from(abTestValues).where(eq(abTestValues.testId, testId));
    const arms = await armsOf(testId);
    const buckets = await db.select().from(abTestBuckets).where(eq(abTestBuckets.testId, testId));
    const users = await db.select().from(abTestUsers).where(eq(abTestUsers.testId, testId));
    for (const arm of arms) {
      const mine = values.filter((v) => v.arm === arm.arm);
      const expected = armMomentsOf(mine.map((v) => ({ value: v.value, user: v.endUser || null })));
      expect(arm.n).toBe(expected.n);
      expect(arm.clusters).toBe(expected.clusters);
      for (const sum of ["sum", "sumSq", "clusterSumSq", "clusterCross", "clusterSizeSq"] as const)
        expect(arm[sum]).toBeCloseTo(expected[sum], 9);
      const perBucket = buckets.filter((b) => b.arm === arm.arm);
      expect(perBucket.reduce((s, b) => s + b.n, 0)).toBe(expected.n);
      expect(perBucket.reduce((s, b) => s + b.sumSq, 0)).toBeCloseTo(expected.sumSq, 9);
      for (const u of users.filter((x) => x.arm === arm.arm)) {
        const theirs = mine.filter((v) => v.endUser === u.endUser);
        expect([u.n, u.sum]).toEqual([
          theirs.length,
          expect.closeTo(
            theirs.reduce((s, v) => s + v.value, 0),
            9,
          ),
        ]);
      }
    }
    // 40 interactions, each rated by the 9 users and anonymously: at most 400 values, far fewer than writes.
    expect(values.length).toBeLessThan(400);
    expect(arms.reduce((s, a) => s + a.n, 0)).toBe(values.length);
  });

  it("counts the latest value of a user for an interaction, replacing the earlier one", async () => {
    const target = ids[1]?.id as string;
    for (const value of [3, -2, 5]) expect((await send(target, value, "latest-wins")).status).toBe(201);
    const [counted] = await db
      .select()
      .from(abTestValues)
      .where(eq(abTestValues.endUser, "latest-wins"))
      .then((rows) => rows.filter((r) => r.interactionId === target));
    expect(counted?.value).toBe(5);
    const [user] = await db.select().from(abTestUsers).where(eq(abTestUsers.endUser, "latest-wins"));
    expect(user).toMatchObject({ n: 1, sum: 5 });
  });
});
