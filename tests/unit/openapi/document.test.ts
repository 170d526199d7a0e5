import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/openapi.json/route";
import { routeMethods } from "@/lib/openapi/document";
import { routeFiles } from "../../support/route-server";

type Doc = {
  openapi: string;
  paths: Record<
    string,
    Record<
      string,
      {
        parameters: { name: string; in: string }[];
        requestBody?: { content: Record<string, unknown> };
        responses: Record<string, unknown>;
        security: unknown[];
      }
    >
  >;
};

async function document(): Promise<Doc> {
  const response = await GET(new Request("http://localhost/api/v1/openapi.json"), { params: Promise.resolve({}) });
  expect(response.status).toBe(200);
  return (await response.json()) as Doc;
}

/** `[id]` and `[...key]` as OpenAPI writes them: `{id}`, `{key}`. */
const openApiPath = (segments: string[]) => `/${segments.map((s) => s.replace(/^\[(?:\.\.\.)?(.+)\]$/, "{$1}")).join("/")}`;

describe("the OpenAPI document", () => {
  it("documents every method of every route handler under app/api/v1 (no drift)", async () => {
    const doc = await document();
    expect(doc.openapi).toBe("3.1.0");
    const missing: string[] = [];
    for (const route of routeFiles("app/api/v1")) {
      // The catch-all fallback ([[...rest]]: unknown paths answer a 404 problem) is not an API route.
      if (route.segments.at(-1)?.includes("[...rest]")) continue;
      const path = openApiPath(route.segments);
      const module = (await import(route.file)) as Record<string, unknown>;
      for (const method of routeMethods(module)) if (!doc.paths[path]?.[method.toLowerCase()]) missing.push(`${method} ${path}`);
    }
    expect(missing, "add an entry to app/api/v1/openapi.json/paths.ts").toEqual([]);
  });

  it("reads parameters, bodies, uploads, downloads and auth from the routes' own specs", async () => {
    const { paths } = await document();
    const results = paths["/api/v1/runs/{id}/results"]?.get;
    expect(results?.parameters.map((p) => `${p.in}:${p.name}`)).toEqual(
      expect.arrayContaining(["path:id", "query:page", "query:per_page", "query:outcome"]),
    );
    expect(paths["/api/v1/runs"]?.post?.requestBody?.content["application/json"]).toMatchObject({
      schema: { properties: { model_id: {} } },
    });
    expect(Object.keys(paths["/api/v1/benchmarks"]?.post?.requestBody?.content ?? {})).toEqual(
      expect.arrayContaining(["application/json", "text/csv", "application/octet-stream"]),
    );
    expect(paths["/api/v1/benchmarks"]?.post?.responses["200"]).toMatchObject({ content: { "application/x-ndjson": {} } });
    expect(paths["/api/v1/runs/{id}/export"]?.get?.responses["200"]).toMatchObject({ content: { "text/csv": {} } });
    expect(paths["/api/v1/runs/{id}"]?.get?.responses["404"]).toMatchObject({ content: { "application/problem+json": {} } });
    expect(paths["/api/v1/auth/token"]?.post?.security).toEqual([]);
    expect(paths["/api/v1/runs"]?.get?.security).toEqual([{ bearerAuth: [] }, { sessionCookie: [] }]);
  });
});
