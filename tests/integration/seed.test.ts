import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { benchmarkVersions, models, projectMembers, projects, users } from "@/db/schema";
import { seed } from "@/lib/server/seed/seed";
import type { AppError } from "@/lib/errors";
import { authenticate } from "@/lib/services/users/authenticate";
import { claimInstance, setupAvailable } from "@/lib/services/users/setup";

const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e as AppError,
  );

// Its own file: seeding acts only on an empty instance, and each test file gets a fresh database.
describe("seed and one-time setup", () => {
  it("seeds once: catalog, admin, demo project; a second run changes nothing", async () => {
    const lines: string[] = [];
    const options = { demo: true, baseUrl: "http://localhost:3000", log: (l: string) => lines.push(l) };
    await seed(db, options);
    await seed(db, options);
    const [{ n: modelCount } = { n: 0 }] = await db.select({ n: sql<number>`count(*)::int` }).from(models);
    expect(modelCount).toBe(15);
    const admins = await db.select().from(users);
    expect(admins).toHaveLength(1);
    expect(admins[0]?.isAdmin).toBe(true);
    const [demo] = await db.select().from(projects).where(eq(projects.key, "demo"));
    expect(demo).toBeDefined();
    const starter = await db.select({ n: benchmarkVersions.taskCount, stats: benchmarkVersions.stats }).from(benchmarkVersions);
    expect(starter).toHaveLength(1);
    expect(starter[0]?.n).toBe(40);
    expect(starter[0]?.stats.types).toEqual({ qa: 20, MCQ: 10, bool: 10 });
    expect(lines.join("\n")).toMatch(/password: \S{12,}/);
    const token = lines.join("\n").match(/setup\?token=(\S+)/)?.[1] as string;
    expect(await setupAvailable()).toBe(true);

    const bad = await failure(
      claimInstance({ token: "wrong-token-value", username: "root", email: "root@example.test", password: "correct horse battery" }),
    );
    expect(bad?.code).toBe("forbidden");
    await claimInstance({ token, username: "root", email: "root@example.test", password: "correct horse battery" });
    expect(await setupAvailable()).toBe(false);
    expect((await authenticate("ROOT@example.test", "correct horse battery", undefined)).username).toBe("root");
    const reused = await failure(
      claimInstance({ token, username: "again", email: "again@example.test", password: "correct horse battery" }),
    );
    expect(reused?.code).toBe("forbidden");
    const owners = await db
      .select()
      .from(projectMembers)
      .where(eq(projectMembers.projectId, demo?.id as string));
    expect(owners.map((o) => o.role)).toEqual(["owner"]);
  });
});
