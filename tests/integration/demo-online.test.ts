import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { seed } from "@/lib/server/seed/seed";
import { projects, users } from "@/db/schema";
import { projectContext } from "@/lib/auth/context";
import { listInteractions } from "@/lib/services/interactions/read";
import { useCaseOverview } from "@/lib/services/use-cases/overview";
import { getUseCase } from "@/lib/services/use-cases/read";
import { ListInteractions } from "@/lib/validation/interactions";

describe("the demo seed's online evaluation data", () => {
  it("gives the demo project a use case with both simulated models, two keys and a few hundred rated interactions", async () => {
    await seed(db, { demo: true, baseUrl: "http://x", log: () => {} });
    const [admin] = await db.select().from(users);
    const [demo] = await db.select().from(projects).where(eq(projects.key, "demo"));
    const ctx = await projectContext(
      { userId: admin?.id as string, username: "admin", isAdmin: true },
      { id: demo?.id as string },
      "viewer",
    );
    const useCase = await getUseCase(ctx, "assistant");
    expect(useCase.models.map((m) => m.key)).toEqual(["yardstick/sim-strong", "yardstick/sim-weak"]);
    expect(useCase.default_model).toBe("yardstick/sim-strong");
    expect(useCase.feedback_keys).toEqual(["rating", "thumbs_up"]);
    const all = await listInteractions(ctx, ListInteractions.parse({ use_case: "assistant" }), { page: 1, per_page: 1 });
    expect("count" in all && all.count).toBe(300);
    const overview = await useCaseOverview(ctx, "assistant");
    const strong = overview.models.find((g) => g.group === "yardstick/sim-strong");
    const weak = overview.models.find((g) => g.group === "yardstick/sim-weak");
    expect(strong?.feedback.thumbs_up?.n).toBeGreaterThan(50);
    expect(strong?.feedback.thumbs_up?.value).toBeGreaterThan(weak?.feedback.thumbs_up?.value as number);
    expect(strong?.feedback.rating?.ci).not.toBeNull();
    expect(overview.traffic.length).toBeGreaterThan(10);
    expect(overview.win_rates.length).toBeGreaterThan(0);
    const daily = overview.feedback_over_time.filter((p) => p.feedback_key === "thumbs_up");
    expect(daily.reduce((s, p) => s + p.n, 0)).toBe((strong?.feedback.thumbs_up?.n ?? 0) + (weak?.feedback.thumbs_up?.n ?? 0));
  });
});
