import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { seed } from "@/lib/server/seed/seed";
import { projects, users } from "@/db/schema";
import { projectContext } from "@/lib/auth/context";
import { getAbTest } from "@/lib/services/ab-tests/read";

describe("the demo seed's A/B tests", () => {
  it("has a completed metric test with a winner and a running preference test with data for every chart", async () => {
    await seed(db, { demo: true, baseUrl: "http://x", log: () => {} });
    const [admin] = await db.select().from(users);
    const [demo] = await db.select().from(projects).where(eq(projects.key, "demo"));
    const ctx = await projectContext(
      { userId: admin?.id as string, username: "admin", isAdmin: true },
      { id: demo?.id as string },
      "viewer",
    );
    const metric = await getAbTest(ctx, "checkout-thumbs");
    expect(metric).toMatchObject({ status: "completed", outcome: "winner", winner: "A" });
    expect(metric.srm.warning).toBe(false);
    expect(metric.series.points.length).toBeGreaterThan(10);
    expect(metric.series.traffic.length).toBeGreaterThan(10);
    expect(metric.arms[1]?.statement).toMatch(/^A beats B/);
    const preference = await getAbTest(ctx, "checkout-side-by-side");
    expect(preference.status).toBe("running");
    expect(preference.preference?.arms.map((a) => a.rank)).toEqual([1, 2]);
    expect(preference.preference?.win_rates[0]?.[1]?.n).toBe(120);
    expect(preference.series.traffic.length).toBeGreaterThan(10);
  });
});
