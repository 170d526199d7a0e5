import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as metricRoute from "@/app/api/v1/feedback/metric/route";
import { db } from "@/db";
import { abTests, auditLog } from "@/db/schema";
import type { ProjectCtx } from "@/lib/auth/context";
import { findAbTest } from "@/lib/services/ab-tests/find";
import { verdictOf } from "@/lib/services/ab-tests/stats";
import { makeProject } from "../support/factories";
import { makeMetricAbTest, tokenFor } from "../support/online";
import { callRoute } from "../support/route-call";

// Once its arms have min_samples_per_arm, every feedback settles its test before answering; concurrent writers
// share one settle (lib/coalesced-runs.ts, whose ordering tests/unit/coalesced-runs.test.ts checks step by step),
// yet none may answer before a settle that saw its value, and the test completes once.

let ctx: ProjectCtx;
let token: string;
let testId: string;
let ids: { id: string; arm: "A" | "B" }[] = [];

const send = (completion_id: string, value: boolean, user: string) =>
  callRoute(metricRoute.POST, "/api/v1/feedback/metric", {
    token,
    method: "POST",
    body: { completion_id, feedback_key: "liked", value, user },
  });

/** The test's stored status, and the verdict of its current sums, read without settling it. */
async function statusAndVerdict() {
  const [row] = await db.select({ status: abTests.status }).from(abTests).where(eq(abTests.id, testId));
  const t = await findAbTest(ctx, { id: testId });
  return { status: row?.status, verdict: verdictOf(t, null).status };
}

beforeAll(async () => {
  ctx = await makeProject();
  token = await tokenFor(ctx, "member");
  ({ testId, ids } = await makeMetricAbTest(ctx, {
    key: "once",
    feedbackKey: "liked",
    kind: "bool",
    autoDeploy: true,
    minSamples: 4,
    count: 400,
  }));
});

describe("settling after feedback", () => {
  it("completes the test once, and no burst of writers answers before a settle that counted its values", async () => {
    // Both arms at min_samples_per_arm with equal values: every later write settles, and the test runs on.
    for (const [i, { id }] of ids.slice(0, 8).entries()) expect((await send(id, i % 4 < 2, `early-${i}`)).status).toBe(201);
    expect(await statusAndVerdict()).toEqual({ status: "running", verdict: "running" });
    // Bursts of 24 concurrent writers for B over A until B wins: after each burst, the stored status agrees
    // with the verdict of all values written, so the writes that decided it answered after the completion.
    let bursts = 0;
    for (let next = 8; next < ids.length; next += 24) {
      const burst = ids.slice(next, next + 24);
      const statuses = await Promise.all(burst.map(({ id, arm }, i) => send(id, arm === "B", `user-${next + i}`).then((r) => r.status)));
      expect(statuses.every((s) => s === 201)).toBe(true);
      bursts++;
      const now = await statusAndVerdict();
      if (now.status === "completed") break;
      expect(now.verdict).toBe("running");
    }
    expect(bursts).toBeGreaterThan(1); // decided by concurrent writers, not by the first burst alone
    expect((await findAbTest(ctx, { id: testId })).test).toMatchObject({ status: "completed", outcome: "winner", winnerArm: 1 });
    const audited = await db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.projectId, ctx.project.id), eq(auditLog.resourceType, "ab_test")));
    expect(audited.filter((a) => a.action === "ab_test.complete")).toHaveLength(1);
  });
});
