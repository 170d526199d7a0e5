import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { abTests } from "@/db/schema";
import type { ProjectCtx } from "@/lib/auth/context";
import { AppError } from "@/lib/errors";
import { recordAudit } from "../audit";
import { findAbTest } from "./find";
import { getAbTest } from "./read";
import { invalidateAbRouting } from "./routing";

/** Stops a running test: its traffic goes back to the default model and no verdict is drawn. */
export async function cancelAbTest(ctx: ProjectCtx, key: string) {
  const t = await findAbTest(ctx, key);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(abTests)
      .set({ status: "cancelled", endedAt: new Date() })
      .where(and(eq(abTests.id, t.test.id), eq(abTests.status, "running")))
      .returning({ id: abTests.id });
    if (!row) throw new AppError("conflict", `A/B test "${key}" is not running (it is ${t.test.status})`);
    await recordAudit(tx, ctx.actor, ctx.project.id, {
      action: "ab_test.cancel",
      resourceType: "ab_test",
      resourceId: t.test.id,
      details: { key },
    });
  });
  invalidateAbRouting(t.test.useCaseId);
  return getAbTest(ctx, key);
}
