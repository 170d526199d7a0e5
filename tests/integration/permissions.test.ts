import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type ProjectCtx, projectContext } from "@/lib/auth/context";
import { type Capability, can, PERMISSIONS } from "@/lib/auth/permissions";
import { ROLES, type Role } from "@/lib/auth/roles";
import { createToken } from "@/lib/services/tokens/tokens";
import { addMember, makeProject, makeUser } from "../support/factories";
import { callRoute } from "../support/route-call";

/** What every API route needs: a capability of the map, or only a signed-in user, or nothing. */
const ROUTES: Record<string, Capability | "user" | "public"> = {
  "POST /auth/token": "public",
  "GET /me": "user",
  "PATCH /me": "user",
  "GET /projects": "user",
  "POST /projects": "user",
  "GET /leaderboard/public": "user",
  "GET /project": "project.read",
  "GET /project/audit": "audit.read",
  "POST /project/models": "model.manage",
  "DELETE /project/models": "model.manage",
  "POST /project/benchmarks": "benchmark.write",
  "DELETE /project/benchmarks": "benchmark.write",
  "GET /project/members": "project.read",
  "POST /project/members": "member.manage",
  "PATCH /project/members/[userId]": "member.manage",
  // Anyone may remove themselves; removing someone else is checked by the service (member.manage).
  "DELETE /project/members/[userId]": "project.leave",
  "GET /project/tokens": "token.manage",
  "POST /project/tokens": "token.manage",
  "DELETE /project/tokens/[id]": "token.manage",
  "GET /models": "project.read",
  "POST /models": "model.manage",
  "GET /models/[id]": "project.read",
  "PATCH /models/[id]": "model.manage",
  "DELETE /models/[id]": "model.manage",
  "GET /models/key/[...key]": "project.read",
  "POST /models/[id]/test": "model.test",
  "GET /benchmarks": "project.read",
  "POST /benchmarks": "benchmark.write",
  "GET /benchmarks/[id]": "project.read",
  "PATCH /benchmarks/[id]": "benchmark.write",
  "GET /benchmarks/[id]/versions": "project.read",
  "POST /benchmarks/[id]/versions": "benchmark.write",
  "GET /benchmarks/[id]/versions/[number]/tasks": "project.read",
  "GET /benchmarks/[id]/versions/[number]/tasks/[position]": "project.read",
  "PATCH /benchmarks/[id]/versions/[number]/tasks/[position]": "benchmark.write",
  "POST /benchmarks/[id]/versions/[number]/redact": "benchmark.write",
  "GET /benchmarks/[id]/versions/[number]/rows": "project.read",
  "POST /benchmarks/[id]/versions/[number]/rows": "benchmark.write",
  "GET /benchmarks/[id]/versions/[number]/download": "project.read",
  "GET /runs": "project.read",
  "POST /runs": "run.create",
  "GET /runs/[id]": "project.read",
  "POST /runs/[id]/cancel": "run.create",
  "POST /runs/[id]/publish": "run.publish",
  "GET /runs/[id]/export": "project.read",
  "GET /runs/[id]/results": "project.read",
  "GET /runs/[id]/results/[position]": "project.read",
  "GET /compare": "project.read",
  "GET /compare/export": "project.read",
  "GET /leaderboard": "project.read",
  "POST /expressions/test": "project.read",
  "GET /alerts/[id]/events": "project.read",
  "GET /alerts/[id]": "project.read",
  "PATCH /alerts/[id]": "automation.manage",
  "DELETE /alerts/[id]": "automation.manage",
  "GET /alerts": "project.read",
  "POST /alerts": "automation.manage",
  "POST /benchmark-generations/[id]/import": "benchmark.write",
  "GET /benchmark-generations/[id]": "project.read",
  "PATCH /benchmark-generations/[id]": "benchmark.write",
  "GET /benchmark-generations": "project.read",
  "POST /benchmark-generations": "benchmark.write",
  "GET /benchmarks/[id]/tags": "project.read",
  "PUT /benchmarks/[id]/tags": "tag.write",
  "POST /chat/completions": "gateway.use",
  "POST /embeddings": "gateway.use",
  "GET /feedback-keys/[key]": "project.read",
  "PATCH /feedback-keys/[key]": "usecase.manage",
  "GET /feedback-keys": "project.read",
  "POST /feedback-keys": "usecase.manage",
  "GET /feedback/metric": "project.read",
  "POST /feedback/metric": "feedback.write",
  "GET /feedback/preference": "project.read",
  "POST /feedback/preference": "feedback.write",
  "GET /ab-tests": "project.read",
  "POST /ab-tests": "usecase.manage",
  "GET /ab-tests/[key]": "project.read",
  "POST /ab-tests/[key]/cancel": "usecase.manage",
  "GET /ab-tests/[key]/export": "project.read",
  "POST /human-sessions/[id]/answers": "run.create",
  "GET /human-sessions/[id]": "project.read",
  "GET /human-sessions": "project.read",
  "POST /human-sessions": "run.create",
  "GET /interactions/[id]": "project.read",
  "GET /interactions": "project.read",
  "POST /interactions": "feedback.write",
  "GET /models/[id]/tags": "project.read",
  "PUT /models/[id]/tags": "tag.write",
  "GET /notifications": "user",
  "POST /notifications": "user",
  "GET /openapi.json": "public",
  "PATCH /runs/[id]": "run.create",
  "GET /runs/[id]/tags": "project.read",
  "PUT /runs/[id]/tags": "tag.write",
  "GET /schedules/[id]": "project.read",
  "PATCH /schedules/[id]": "automation.manage",
  "DELETE /schedules/[id]": "automation.manage",
  "POST /schedules/[id]/run": "automation.manage",
  "GET /schedules/[id]/tags": "project.read",
  "PUT /schedules/[id]/tags": "tag.write",
  "GET /schedules": "project.read",
  "POST /schedules": "automation.manage",
  "POST /subscriptions/[id]/deliveries/[deliveryId]/redeliver": "automation.manage",
  "GET /subscriptions/[id]/deliveries": "project.read",
  "GET /subscriptions/[id]": "project.read",
  "DELETE /subscriptions/[id]": "automation.manage",
  "GET /subscriptions": "project.read",
  "POST /subscriptions": "automation.manage",
  "GET /tags": "project.read",
  "POST /use-cases/[key]/feedback-keys": "usecase.manage",
  "DELETE /use-cases/[key]/feedback-keys": "usecase.manage",
  "PATCH /use-cases/[key]/models/[modelId]": "usecase.manage",
  "DELETE /use-cases/[key]/models/[modelId]": "usecase.manage",
  "GET /use-cases/[key]/models": "project.read",
  "POST /use-cases/[key]/models": "usecase.manage",
  "GET /use-cases/[key]": "project.read",
  "PATCH /use-cases/[key]": "usecase.manage",
  "DELETE /use-cases/[key]": "usecase.manage",
  "GET /use-cases": "project.read",
  "POST /use-cases": "usecase.manage",
};

/** What every page needs, and the API route whose data or action it shows: the two must agree. */
const PAGES: Record<string, { needs: Capability | "user"; api?: string }> = {
  "[project]": { needs: "project.read", api: "GET /project" },
  "[project]/ab-tests": { needs: "project.read", api: "GET /ab-tests" },
  "[project]/ab-tests/new": { needs: "usecase.manage", api: "POST /ab-tests" },
  "[project]/ab-tests/[key]": { needs: "project.read", api: "GET /ab-tests/[key]" },
  "[project]/ab-tests/[key]/label": { needs: "feedback.write", api: "POST /feedback/preference" },
  "[project]/benchmarks": { needs: "project.read", api: "GET /benchmarks" },
  "[project]/benchmarks/new": { needs: "benchmark.write", api: "POST /benchmarks" },
  "[project]/benchmarks/[id]": { needs: "project.read", api: "GET /benchmarks/[id]" },
  "[project]/benchmarks/[id]/append": { needs: "benchmark.write", api: "POST /benchmarks/[id]/versions/[number]/rows" },
  "[project]/benchmarks/[id]/upload": { needs: "benchmark.write", api: "POST /benchmarks/[id]/versions" },
  "[project]/benchmarks/[id]/versions/[number]/tasks/[position]": {
    needs: "project.read",
    api: "GET /benchmarks/[id]/versions/[number]/tasks/[position]",
  },
  "[project]/compare": { needs: "project.read", api: "GET /compare" },
  "[project]/compare/tasks/[position]": { needs: "project.read", api: "GET /compare" },
  "[project]/leaderboard": { needs: "project.read", api: "GET /leaderboard" },
  "[project]/models": { needs: "project.read", api: "GET /models" },
  "[project]/models/new": { needs: "model.manage", api: "POST /models" },
  "[project]/models/[id]": { needs: "project.read", api: "GET /models/[id]" },
  "[project]/models/[id]/edit": { needs: "model.manage", api: "PATCH /models/[id]" },
  "[project]/playground": { needs: "project.read", api: "POST /expressions/test" },
  "[project]/runs": { needs: "project.read", api: "GET /runs" },
  "[project]/runs/new": { needs: "run.create", api: "POST /runs" },
  "[project]/runs/[id]": { needs: "project.read", api: "GET /runs/[id]" },
  "[project]/runs/[id]/tasks/[position]": { needs: "project.read", api: "GET /runs/[id]/results/[position]" },
  "[project]/settings": { needs: "project.read", api: "GET /project" },
  "[project]/settings/audit": { needs: "audit.read", api: "GET /project/audit" },
  "[project]/settings/members": { needs: "project.read", api: "GET /project/members" },
  "[project]/settings/tokens": { needs: "token.manage", api: "GET /project/tokens" },
  "[project]/alerts": { needs: "project.read", api: "GET /alerts" },
  "[project]/alerts/new": { needs: "automation.manage", api: "POST /alerts" },
  "[project]/alerts/[id]/edit": { needs: "automation.manage", api: "PATCH /alerts/[id]" },
  "[project]/alerts/[id]": { needs: "project.read", api: "GET /alerts/[id]" },
  "[project]/benchmarks/[id]/take": { needs: "run.create", api: "POST /human-sessions" },
  "[project]/benchmarks/generate": { needs: "benchmark.write", api: "POST /benchmark-generations" },
  "[project]/benchmarks/generate/[id]": { needs: "project.read", api: "GET /benchmark-generations/[id]" },
  "[project]/human/[id]": { needs: "project.read", api: "GET /human-sessions/[id]" },
  "[project]/interactions": { needs: "project.read", api: "GET /interactions" },
  "[project]/schedules": { needs: "project.read", api: "GET /schedules" },
  "[project]/schedules/new": { needs: "automation.manage", api: "POST /schedules" },
  "[project]/schedules/[id]": { needs: "project.read", api: "GET /schedules/[id]" },
  "[project]/subscriptions": { needs: "project.read", api: "GET /subscriptions" },
  "[project]/subscriptions/[id]": { needs: "project.read", api: "GET /subscriptions/[id]" },
  "[project]/use-cases": { needs: "project.read", api: "GET /use-cases" },
  "[project]/use-cases/[key]": { needs: "project.read", api: "GET /use-cases/[key]" },
  "[project]/use-cases/[key]/chat": { needs: "gateway.use", api: "POST /chat/completions" },
  admin: { needs: "user" },
  "docs/api": { needs: "user" },
  leaderboard: { needs: "user", api: "GET /leaderboard/public" },
  profile: { needs: "user", api: "GET /me" },
  projects: { needs: "user", api: "GET /projects" },
  "users/[username]": { needs: "user" },
};

const METHODS = ["GET", "POST", "PATCH", "PUT", "DELETE"] as const;

function filesNamed(dir: string, name: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesNamed(full, name) : entry.name === name ? [full] : [];
  });
}

const apiDir = path.resolve("app/api/v1");
const pagesDir = path.resolve("app/(app)");
const routeFiles = filesNamed(apiDir, "route.ts").filter((f) => !f.includes("[...rest]"));
const routePath = (file: string) => `/${path.relative(apiDir, path.dirname(file)).split(path.sep).join("/")}`.replace(/\/$/, "");

/** Every exported handler of every route file, with what its wrapper was told to require. */
async function loadRoutes() {
  const routes: { key: string; handler: unknown; requires: string }[] = [];
  for (const file of routeFiles) {
    const module = (await import(file)) as Record<string, unknown>;
    for (const method of METHODS) {
      const handler = module[method] as { requires?: string } | undefined;
      if (handler) routes.push({ key: `${method} ${routePath(file)}`, handler, requires: handler.requires ?? "user or public" });
    }
  }
  return routes;
}

describe("the permission map", () => {
  it("is cumulative: each role can do everything the roles below it can", () => {
    for (let i = 1; i < ROLES.length; i++) {
      const lower = ROLES[i - 1] as Role;
      for (const capability of PERMISSIONS[lower]) expect(can(ROLES[i] as Role, capability)).toBe(true);
    }
    expect(can("viewer", "token.manage")).toBe(false);
  });

  it("governs every API route: each project route requires the capability listed for it", async () => {
    const routes = await loadRoutes();
    expect(routes.map((r) => r.key).sort()).toEqual(Object.keys(ROUTES).sort());
    for (const route of routes) {
      const expected = ROUTES[route.key];
      expect({ route: route.key, requires: route.requires }).toEqual({
        route: route.key,
        requires: expected === "user" || expected === "public" ? "user or public" : expected,
      });
    }
  });

  it("governs every page, and each page needs what the API behind it needs", () => {
    const pages = filesNamed(pagesDir, "page.tsx").map((file) => {
      const source = readFileSync(file, "utf8");
      const page = path.relative(pagesDir, path.dirname(file)).split(path.sep).join("/");
      const gate = /loadProject\((?:[^,()]|\([^()]*\))*(?:,\s*"([a-z.]+)")?\)/.exec(source);
      // Without a gate of its own, a project page has its layout's: loadProject(key), project.read.
      const inherited = page.startsWith("[project]") ? "project.read" : "user";
      return { page, needs: gate ? (gate[1] ?? "project.read") : inherited };
    });
    expect(readFileSync(path.join(pagesDir, "[project]/layout.tsx"), "utf8")).toMatch(/loadProject\(key\)/);
    expect(pages.map((p) => p.page).sort()).toEqual(Object.keys(PAGES).sort());
    for (const { page, needs } of pages) {
      const expected = PAGES[page];
      expect({ page, needs }).toEqual({ page, needs: expected?.needs });
      if (expected?.api) expect({ page, api: ROUTES[expected.api] }).toEqual({ page, api: needs });
    }
  });
});

describe("every route for every role", () => {
  let owner: ProjectCtx;
  const members = {} as Record<Role, ProjectCtx>;
  const tokens = {} as Record<Exclude<Role, "owner">, string>;

  beforeAll(async () => {
    await makeUser();
    owner = await makeProject();
    members.owner = owner;
    for (const role of ["viewer", "member", "admin"] as const) {
      members[role] = await addMember(owner, role);
      members[role] = await projectContext(members[role].actor, { key: owner.project.key }, "viewer");
      tokens[role] = (await createToken(members[role], { name: role, role })).token;
    }
  });

  it("resolves each role's access to each project route exactly as the map says", async () => {
    const routes = (await loadRoutes()).filter((r) => r.requires !== "user or public");
    for (const role of ROLES) {
      for (const route of routes) {
        const allowed = await projectContext(members[role].actor, { key: owner.project.key }, route.requires as Capability).then(
          () => true,
          () => false,
        );
        expect({ role, route: route.key, allowed }).toEqual({ role, route: route.key, allowed: can(role, route.requires as Capability) });
      }
    }
  });

  it("answers 403 over HTTP exactly where the map denies a role (GET routes, tokens of each role)", async () => {
    const sample: Record<string, string | string[]> = { id: randomUUID(), userId: randomUUID(), number: "1", position: "0", key: ["x"] };
    const routes = (await loadRoutes()).filter((r) => r.key.startsWith("GET ") && r.requires !== "user or public");
    expect(routes.length).toBeGreaterThan(15);
    for (const role of ["viewer", "member", "admin"] as const) {
      for (const route of routes) {
        const url = route.key.slice(4) + (route.key.includes("/compare") ? `?runs=${randomUUID()},${randomUUID()}` : "");
        const { status } = await callRoute(route.handler, `/api/v1${url}`, { token: tokens[role], params: sample });
        expect({ role, route: route.key, forbidden: status === 403 }).toEqual({
          role,
          route: route.key,
          forbidden: !can(role, route.requires as Capability),
        });
      }
    }
  });
});
