import pkg from "@/package.json";
import { buildDocument, type OpenApiDocument, type PathEntry } from "@/lib/openapi/document";
import { Benchmark, Comparison, ImportResult, Model, ProjectInfo, paginated, Run, RunCreated, TokenIssued } from "@/lib/openapi/schemas";
import { CreateBenchmarkQuery, ImportSettings } from "@/lib/validation/benchmarks";
import * as authToken from "@/app/api/v1/auth/token/route";
import * as benchmarks from "@/app/api/v1/benchmarks/route";
import * as benchmarksById from "@/app/api/v1/benchmarks/[id]/route";
import * as benchmarksByIdVersions from "@/app/api/v1/benchmarks/[id]/versions/route";
import * as benchmarksByIdVersionsByNumberDownload from "@/app/api/v1/benchmarks/[id]/versions/[number]/download/route";
import * as benchmarksByIdVersionsByNumberRedact from "@/app/api/v1/benchmarks/[id]/versions/[number]/redact/route";
import * as benchmarksByIdVersionsByNumberRows from "@/app/api/v1/benchmarks/[id]/versions/[number]/rows/route";
import * as benchmarksByIdVersionsByNumberTasks from "@/app/api/v1/benchmarks/[id]/versions/[number]/tasks/route";
import * as benchmarksByIdVersionsByNumberTasksByPosition from "@/app/api/v1/benchmarks/[id]/versions/[number]/tasks/[position]/route";
import * as compare from "@/app/api/v1/compare/route";
import * as compareExport from "@/app/api/v1/compare/export/route";
import * as expressionsTest from "@/app/api/v1/expressions/test/route";
import * as leaderboard from "@/app/api/v1/leaderboard/route";
import * as leaderboardPublic from "@/app/api/v1/leaderboard/public/route";
import * as me from "@/app/api/v1/me/route";
import * as models from "@/app/api/v1/models/route";
import * as modelsKeyByKey from "@/app/api/v1/models/key/[...key]/route";
import * as modelsById from "@/app/api/v1/models/[id]/route";
import * as modelsByIdTest from "@/app/api/v1/models/[id]/test/route";
import * as project from "@/app/api/v1/project/route";
import * as projectAudit from "@/app/api/v1/project/audit/route";
import * as projectBenchmarks from "@/app/api/v1/project/benchmarks/route";
import * as projectMembers from "@/app/api/v1/project/members/route";
import * as projectMembersByUserId from "@/app/api/v1/project/members/[userId]/route";
import * as projectModels from "@/app/api/v1/project/models/route";
import * as projectTokens from "@/app/api/v1/project/tokens/route";
import * as projectTokensById from "@/app/api/v1/project/tokens/[id]/route";
import * as projects from "@/app/api/v1/projects/route";
import * as runs from "@/app/api/v1/runs/route";
import * as runsById from "@/app/api/v1/runs/[id]/route";
import * as runsByIdCancel from "@/app/api/v1/runs/[id]/cancel/route";
import * as runsByIdExport from "@/app/api/v1/runs/[id]/export/route";
import * as runsByIdPublish from "@/app/api/v1/runs/[id]/publish/route";
import * as runsByIdResults from "@/app/api/v1/runs/[id]/results/route";
import * as runsByIdResultsByPosition from "@/app/api/v1/runs/[id]/results/[position]/route";

/**
 * Every route under /api/v1, one entry per route file: its path, its module (the wrapper exposes the zod
 * schemas it validates with) and a summary per method. A new route needs one entry here; the no-drift
 * test fails until it has one.
 */
function apiRoutes(self: Record<string, unknown>): PathEntry[] {
  return [
    {
      path: "/auth/token",
      module: authToken,
      docs: { POST: { summary: "Exchange a username and password for a project API token", response: TokenIssued } },
    },
    {
      path: "/benchmarks",
      module: benchmarks,
      docs: {
        GET: { summary: "List benchmarks", response: paginated(Benchmark) },
        POST: {
          summary: "Create a benchmark from an upload (file body or JSON source)",
          upload: CreateBenchmarkQuery,
          ndjsonProgress: true,
          response: ImportResult,
        },
      },
    },
    {
      path: "/benchmarks/{id}",
      module: benchmarksById,
      docs: {
        GET: { summary: "A benchmark with its versions", response: Benchmark },
        PATCH: { summary: "Update a benchmark's fields and run defaults" },
      },
    },
    {
      path: "/benchmarks/{id}/versions",
      module: benchmarksByIdVersions,
      docs: {
        GET: { summary: "A benchmark's versions" },
        POST: { summary: "Upload a new version", upload: ImportSettings, ndjsonProgress: true, response: ImportResult },
      },
    },
    {
      path: "/benchmarks/{id}/versions/{number}/download",
      module: benchmarksByIdVersionsByNumberDownload,
      docs: { GET: { summary: "Download a version", produces: ["application/x-ndjson", "text/csv"] } },
    },
    {
      path: "/benchmarks/{id}/versions/{number}/redact",
      module: benchmarksByIdVersionsByNumberRedact,
      docs: { POST: { summary: "Redact or unredact tasks (makes a new version)", response: ImportResult } },
    },
    {
      path: "/benchmarks/{id}/versions/{number}/rows",
      module: benchmarksByIdVersionsByNumberRows,
      docs: {
        GET: { summary: "Iterate rows from start_index (Llama Stack style)" },
        POST: { summary: "Append rows (makes a new version)", upload: ImportSettings, ndjsonProgress: true, response: ImportResult },
      },
    },
    {
      path: "/benchmarks/{id}/versions/{number}/tasks",
      module: benchmarksByIdVersionsByNumberTasks,
      docs: { GET: { summary: "List a version's tasks" } },
    },
    {
      path: "/benchmarks/{id}/versions/{number}/tasks/{position}",
      module: benchmarksByIdVersionsByNumberTasksByPosition,
      docs: {
        GET: { summary: "One task with exactly what a model receives" },
        PATCH: { summary: "Replace a task (makes a new version)", response: ImportResult },
      },
    },
    {
      path: "/compare",
      module: compare,
      docs: { GET: { summary: "Compare 2–6 runs task by task, with the paired test", response: Comparison } },
    },
    {
      path: "/compare/export",
      module: compareExport,
      docs: { GET: { summary: "Export a comparison", produces: ["text/csv", "application/json"] } },
    },
    { path: "/expressions/test", module: expressionsTest, docs: { POST: { summary: "Test a template or expression in the playground" } } },
    {
      path: "/leaderboard",
      module: leaderboard,
      docs: { GET: { summary: "The project's leaderboard", produces: ["application/json", "text/csv"] } },
    },
    {
      path: "/leaderboard/public",
      module: leaderboardPublic,
      docs: { GET: { summary: "The instance leaderboard of published runs", produces: ["application/json", "text/csv"] } },
    },
    { path: "/me", module: me, docs: { GET: { summary: "Your profile" }, PATCH: { summary: "Update your profile" } } },
    {
      path: "/models",
      module: models,
      docs: { GET: { summary: "List models", response: paginated(Model) }, POST: { summary: "Create a custom model", response: Model } },
    },
    {
      path: "/models/key/{key}",
      module: modelsKeyByKey,
      docs: { GET: { summary: "One model by key (keys contain slashes)", response: Model } },
    },
    {
      path: "/models/{id}",
      module: modelsById,
      docs: {
        GET: { summary: "One model", response: Model },
        PATCH: { summary: "Update a model", response: Model },
        DELETE: { summary: "Disable a model" },
      },
    },
    { path: "/models/{id}/test", module: modelsByIdTest, docs: { POST: { summary: "Test the model's connection" } } },
    { path: "/openapi.json", module: self, docs: { GET: { summary: "This OpenAPI 3.1 document" } } },
    { path: "/project", module: project, docs: { GET: { summary: "The token's project and your role", response: ProjectInfo } } },
    { path: "/project/audit", module: projectAudit, docs: { GET: { summary: "The project's audit log" } } },
    {
      path: "/project/benchmarks",
      module: projectBenchmarks,
      docs: { POST: { summary: "Add benchmarks to the project's list" }, DELETE: { summary: "Remove benchmarks from the project's list" } },
    },
    {
      path: "/project/members",
      module: projectMembers,
      docs: { GET: { summary: "Project members" }, POST: { summary: "Invite a member" } },
    },
    {
      path: "/project/members/{userId}",
      module: projectMembersByUserId,
      docs: { PATCH: { summary: "Change a member's role" }, DELETE: { summary: "Remove a member (anyone may remove themselves)" } },
    },
    {
      path: "/project/models",
      module: projectModels,
      docs: { POST: { summary: "Add models to the project's list" }, DELETE: { summary: "Remove models from the project's list" } },
    },
    {
      path: "/project/tokens",
      module: projectTokens,
      docs: { GET: { summary: "API tokens" }, POST: { summary: "Create an API token (shown once)" } },
    },
    { path: "/project/tokens/{id}", module: projectTokensById, docs: { DELETE: { summary: "Revoke an API token" } } },
    { path: "/projects", module: projects, docs: { GET: { summary: "Your projects" }, POST: { summary: "Create a project" } } },
    {
      path: "/runs",
      module: runs,
      docs: {
        GET: { summary: "List runs", response: paginated(Run) },
        POST: { summary: "Start a run (Idempotency-Key honoured)", response: RunCreated },
      },
    },
    {
      path: "/runs/{id}",
      module: runsById,
      docs: { GET: { summary: "A run: status, live progress, running score with its interval, summary", response: Run } },
    },
    { path: "/runs/{id}/cancel", module: runsByIdCancel, docs: { POST: { summary: "Cancel a run", response: Run } } },
    {
      path: "/runs/{id}/export",
      module: runsByIdExport,
      docs: { GET: { summary: "Export results", produces: ["text/csv", "application/json", "application/x-ndjson"] } },
    },
    { path: "/runs/{id}/publish", module: runsByIdPublish, docs: { POST: { summary: "Publish a run on the instance leaderboard" } } },
    { path: "/runs/{id}/results", module: runsByIdResults, docs: { GET: { summary: "A run's results, paginated and filtered" } } },
    {
      path: "/runs/{id}/results/{position}",
      module: runsByIdResultsByPosition,
      docs: { GET: { summary: "One result in full, with its task and neighbours" } },
    },
  ];
}

/** The document GET /api/v1/openapi.json serves and /docs/api renders (the route module is loaded lazily: it lists itself). */
export async function apiDocument(): Promise<OpenApiDocument> {
  return buildDocument(apiRoutes(await import("./route")), { version: pkg.version });
}
