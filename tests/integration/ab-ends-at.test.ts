import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog } from "@/db/schema";
import { createAbTest } from "@/lib/services/ab-tests/create";
import { findAbTest } from "@/lib/services/ab-tests/find";
import { completeEndedAbTests } from "@/lib/services/ab-tests/settle";
import { createFeedbackKey } from "@/lib/services/feedback/keys";
import { CreateFeedbackKey } from "@/lib/validation/feedback";
import { makeProject } from "../support/factories";
import { makeModel, makeUseCase } from "../support/online";

const HOUR = 3_600_000;

describe("ends_at", () => {
  it("completes a running test once its end time has passed, exactly once, audited as the system", async () => {
    const ctx = await makeProject();
    const models = await Promise.all([0, 1].map((i) => makeModel(ctx, `${ctx.project.key}/m${i}`, "simulated")));
    await createFeedbackKey(ctx, CreateFeedbackKey.parse({ key: "thumbs_up", kind: "bool" }));
    const start = Date.now();
    for (const [key, hours] of [
      ["ends-soon", 1],
      ["ends-later", 3],
    ] as const) {
      await makeUseCase(ctx, key, models);
      await createAbTest(ctx, {
        key,
        use_case: key,
        feedback_key: "thumbs_up",
        models: [models[1]?.key as string],
        traffic_split: 0.5,
        feedback_type: "metric",
        auto_deploy: true,
        min_samples_per_arm: 100,
        ends_at: new Date(start + hours * HOUR).toISOString(),
      });
    }
    // Two ticks at once, two hours on (as two workers might): the test that ended completes once; the other runs on.
    const at = new Date(start + 2 * HOUR);
    const completed = await Promise.all([completeEndedAbTests(at), completeEndedAbTests(at)]);
    expect(completed[0] + completed[1]).toBe(1);
    expect(await completeEndedAbTests(at)).toBe(0);

    const soon = await findAbTest(ctx, "ends-soon");
    expect(soon.test).toMatchObject({
      status: "completed",
      outcome: "no_significant_difference",
      note: "Stopped at ends_at",
      deployedAt: null,
    });
    expect(soon.test.endedAt?.getTime()).toBe(at.getTime());
    expect((await findAbTest(ctx, "ends-later")).test.status).toBe("running");
    const audits = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.resourceId, soon.test.id), eq(auditLog.action, "ab_test.complete")));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      actorUserId: null,
      details: { key: "ends-soon", outcome: "no_significant_difference", deployed: false },
    });
  });
});
