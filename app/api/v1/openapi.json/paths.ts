import pkg from "@/package.json";
import { buildDocument, type OpenApiDocument, type PathEntry } from "@/lib/openapi/document";
import { Benchmark, Comparison, ImportResult, Model, ProjectInfo, paginated, Run, RunCreated, TokenIssued } from "@/lib/openapi/schemas";
import { CreateBenchmarkQuery, ImportSettings } from "@/lib/validation/benchmarks";
import * as alerts from "@/app/api/v1/alerts/route";
import * as alertsById from "@/app/api/v1/alerts/[id]/route";
import * as alertsByIdEvents from "@/app/api/v1/alerts/[id]/events/route";
import * as benchmarkGenerations from "@/app/api/v1/benchmark-generations/route";
import * as benchmarkGenerationsById from "@/app/api/v1/benchmark-generations/[id]/route";
import * as benchmarkGenerationsByIdImport from "@/app/api/v1/benchmark-generations/[id]/import/route";
import * as benchmarksByIdTags from "@/app/api/v1/benchmarks/[id]/tags/route";
import * as chatCompletions from "@/app/api/v1/chat/completions/route";
import * as embeddings from "@/app/api/v1/embeddings/route";
import * as feedbackMetric from "@/app/api/v1/feedback/metric/route";
import * as feedbackPreference from "@/app/api/v1/feedback/preference/route";
import * as feedbackKeys from "@/app/api/v1/feedback-keys/route";
import * as feedbackKeysByKey from "@/app/api/v1/feedback-keys/[key]/route";
import * as humanSessions from "@/app/api/v1/human-sessions/route";
import * as humanSessionsById from "@/app/api/v1/human-sessions/[id]/route";
import * as humanSessionsByIdAnswers from "@/app/api/v1/human-sessions/[id]/answers/route";
import * as interactions from "@/app/api/v1/interactions/route";
import * as interactionsById from "@/app/api/v1/interactions/[id]/route";
import * as modelsByIdTags from "@/app/api/v1/models/[id]/tags/route";
import * as notifications from "@/app/api/v1/notifications/route";
import * as runsByIdTags from "@/app/api/v1/runs/[id]/tags/route";
import * as schedules from "@/app/api/v1/schedules/route";
import * as schedulesById from "@/app/api/v1/schedules/[id]/route";
import * as schedulesByIdRun from "@/app/api/v1/schedules/[id]/run/route";
import * as schedulesByIdTags from "@/app/api/v1/schedules/[id]/tags/route";
import * as subscriptions from "@/app/api/v1/subscriptions/route";
import * as subscriptionsById from "@/app/api/v1/subscriptions/[id]/route";
import * as subscriptionsByIdDeliveries from "@/app/api/v1/subscriptions/[id]/deliveries/route";
import * as subscriptionsByIdDeliveriesByDeliveryIdRedeliver from "@/app/api/v1/subscriptions/[id]/deliveries/[deliveryId]/redeliver/route";
import * as tags from "@/app/api/v1/tags/route";
import * as abTests from "@/app/api/v1/ab-tests/route";
import * as abTestsByKey from "@/app/api/v1/ab-tests/[key]/route";
import * as abTestsByKeyCancel from "@/app/api/v1/ab-tests/[key]/cancel/route";
import * as abTestsByKeyExport from "@/app/api/v1/ab-tests/[key]/export/route";
import * as useCases from "@/app/api/v1/use-cases/route";
import * as useCasesByKey from "@/app/api/v1/use-cases/[key]/route";
import * as useCasesByKeyFeedbackKeys from "@/app/api/v1/use-cases/[key]/feedback-keys/route";
import * as useCasesByKeyModels from "@/app/api/v1/use-cases/[key]/models/route";
import * as useCasesByKeyModelsByModelId from "@/app/api/v1/use-cases/[key]/models/[modelId]/route";
import { ChatRequest, EmbeddingsRequest } from "@/lib/gateway/request";
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
      path: "/alerts",
      module: alerts,
      docs: {
        GET: { summary: "List alerts" },
        POST: {
          summary: "Create an alert: triggers on completed runs it covers, on A/B tests completing or showing a sample ratio mismatch",
        },
      },
    },
    {
      path: "/alerts/{id}",
      module: alertsById,
      docs: { GET: { summary: "One alert" }, PATCH: { summary: "Update an alert" }, DELETE: { summary: "Delete an alert" } },
    },
    { path: "/alerts/{id}/events", module: alertsByIdEvents, docs: { GET: { summary: "An alert's events (when it fired and resolved)" } } },
    {
      path: "/auth/token",
      module: authToken,
      docs: { POST: { summary: "Exchange a username and password for a project API token", response: TokenIssued } },
    },
    {
      path: "/benchmark-generations",
      module: benchmarkGenerations,
      docs: {
        GET: { summary: "List benchmark generations" },
        POST: { summary: "Upload a document (base64 in JSON) and queue the generation of tasks from it" },
      },
    },
    {
      path: "/benchmark-generations/{id}",
      module: benchmarkGenerationsById,
      docs: {
        GET: { summary: "A generation with its generated tasks" },
        PATCH: { summary: "Save the review: the edited tasks, each accepted or not (tasks left out are deleted)" },
      },
    },
    {
      path: "/benchmark-generations/{id}/import",
      module: benchmarkGenerationsByIdImport,
      docs: { POST: { summary: "Import the accepted tasks as a new benchmark or version (or validate them with dry_run)" } },
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
      path: "/benchmarks/{id}/tags",
      module: benchmarksByIdTags,
      docs: { GET: { summary: "The benchmark's tags" }, PUT: { summary: "Replace the benchmark's tags" } },
    },
    {
      path: "/chat/completions",
      module: chatCompletions,
      docs: {
        POST: {
          summary: "Chat completion through the gateway (OpenAI-compatible; `stream: true` answers server-sent events)",
          description:
            "OpenAI's wire format, request and response, so the official SDKs work with baseURL `…/api/v1` and a project token as the API key; errors are OpenAI's error body `{error: {message, type, code, param}}`, not problem+json.",
          body: ChatRequest,
          produces: ["application/json", "text/event-stream"],
          openAiErrors: true,
        },
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
    {
      path: "/embeddings",
      module: embeddings,
      docs: {
        POST: {
          summary: "Embeddings through the gateway (OpenAI-compatible)",
          description:
            "OpenAI's wire format, request and response, so the official SDKs work with baseURL `…/api/v1` and a project token as the API key; errors are OpenAI's error body `{error: {message, type, code, param}}`, not problem+json.",
          body: EmbeddingsRequest,
          openAiErrors: true,
        },
      },
    },
    { path: "/expressions/test", module: expressionsTest, docs: { POST: { summary: "Test a template or expression in the playground" } } },
    {
      path: "/feedback-keys",
      module: feedbackKeys,
      docs: { GET: { summary: "List feedback keys" }, POST: { summary: "Create a feedback key" } },
    },
    {
      path: "/feedback-keys/{key}",
      module: feedbackKeysByKey,
      docs: { GET: { summary: "One feedback key" }, PATCH: { summary: "Update a feedback key" } },
    },
    {
      path: "/feedback/metric",
      module: feedbackMetric,
      docs: { GET: { summary: "List metric feedback" }, POST: { summary: "Log metric feedback on an interaction" } },
    },
    {
      path: "/feedback/preference",
      module: feedbackPreference,
      docs: { GET: { summary: "List preference feedback" }, POST: { summary: "Log a preference between interactions" } },
    },
    {
      path: "/human-sessions",
      module: humanSessions,
      docs: {
        GET: { summary: "Your unfinished human sessions" },
        POST: { summary: "Take a benchmark as a person (201), or resume your unfinished session on that version (200)" },
      },
    },
    { path: "/human-sessions/{id}", module: humanSessionsById, docs: { GET: { summary: "A human session and its next task" } } },
    {
      path: "/human-sessions/{id}/answers",
      module: humanSessionsByIdAnswers,
      docs: { POST: { summary: "Answer the session's current task" } },
    },
    {
      path: "/interactions",
      module: interactions,
      docs: { GET: { summary: "List logged interactions" }, POST: { summary: "Log up to 1,000 interactions with their messages" } },
    },
    { path: "/interactions/{id}", module: interactionsById, docs: { GET: { summary: "One interaction with its messages and feedback" } } },
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
    {
      path: "/models/{id}/tags",
      module: modelsByIdTags,
      docs: { GET: { summary: "The model's tags" }, PUT: { summary: "Replace the model's tags" } },
    },
    {
      path: "/notifications",
      module: notifications,
      docs: {
        GET: { summary: "Your in-app notifications (the bell), across your projects" },
        POST: { summary: "Mark notifications read (all unread when `ids` is unset)" },
      },
    },
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
      docs: {
        GET: { summary: "A run: status, live progress, running score with its interval, summary", response: Run },
        PATCH: { summary: "Set or clear the run's note" },
      },
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
    {
      path: "/runs/{id}/tags",
      module: runsByIdTags,
      docs: { GET: { summary: "The run's tags" }, PUT: { summary: "Replace the run's tags" } },
    },
    {
      path: "/schedules",
      module: schedules,
      docs: { GET: { summary: "List schedules" }, POST: { summary: "Create a schedule of runs" } },
    },
    {
      path: "/schedules/{id}",
      module: schedulesById,
      docs: {
        GET: { summary: "One schedule" },
        PATCH: { summary: "Update a schedule; `{paused: true}` pauses, `{paused: false}` resumes (counting from now)" },
        DELETE: { summary: "Delete a schedule" },
      },
    },
    {
      path: "/schedules/{id}/run",
      module: schedulesByIdRun,
      docs: { POST: { summary: "Run now: one extra occurrence, with the same skip rule as a timed one" } },
    },
    {
      path: "/schedules/{id}/tags",
      module: schedulesByIdTags,
      docs: { GET: { summary: "The schedule's tags" }, PUT: { summary: "Replace the schedule's tags" } },
    },
    {
      path: "/subscriptions",
      module: subscriptions,
      docs: {
        GET: { summary: "List subscriptions (webhooks and notifications)" },
        POST: { summary: "Subscribe; a webhook's signing `secret` is in the answer, never shown again" },
      },
    },
    {
      path: "/subscriptions/{id}",
      module: subscriptionsById,
      docs: { GET: { summary: "One subscription" }, DELETE: { summary: "Delete a subscription" } },
    },
    {
      path: "/subscriptions/{id}/deliveries",
      module: subscriptionsByIdDeliveries,
      docs: { GET: { summary: "A webhook's recent deliveries" } },
    },
    {
      path: "/subscriptions/{id}/deliveries/{deliveryId}/redeliver",
      module: subscriptionsByIdDeliveriesByDeliveryIdRedeliver,
      docs: { POST: { summary: "Send a delivery again" } },
    },
    {
      path: "/tags",
      module: tags,
      docs: { GET: { summary: "The project's tags, with how many models, benchmarks, runs or schedules carry each" } },
    },
    {
      path: "/ab-tests",
      module: abTests,
      docs: { GET: { summary: "List A/B tests (active, status, use case)" }, POST: { summary: "Start an A/B test on a use case" } },
    },
    {
      path: "/ab-tests/{key}",
      module: abTestsByKey,
      docs: { GET: { summary: "One A/B test with its per-arm statistics, sequential intervals and verdict" } },
    },
    {
      path: "/ab-tests/{key}/cancel",
      module: abTestsByKeyCancel,
      docs: { POST: { summary: "Cancel a running A/B test" } },
    },
    {
      path: "/ab-tests/{key}/export",
      module: abTestsByKeyExport,
      docs: { GET: { summary: "Export per-arm figures or the test's interactions with their feedback (CSV or JSON)" } },
    },
    {
      path: "/use-cases",
      module: useCases,
      docs: { GET: { summary: "List use cases" }, POST: { summary: "Create a use case" } },
    },
    {
      path: "/use-cases/{key}",
      module: useCasesByKey,
      docs: { GET: { summary: "One use case" }, PATCH: { summary: "Update a use case" }, DELETE: { summary: "Delete a use case" } },
    },
    {
      path: "/use-cases/{key}/feedback-keys",
      module: useCasesByKeyFeedbackKeys,
      docs: { POST: { summary: "Link a feedback key to the use case" }, DELETE: { summary: "Unlink a feedback key from the use case" } },
    },
    {
      path: "/use-cases/{key}/models",
      module: useCasesByKeyModels,
      docs: { GET: { summary: "The use case's models" }, POST: { summary: "Attach a model to the use case" } },
    },
    {
      path: "/use-cases/{key}/models/{modelId}",
      module: useCasesByKeyModelsByModelId,
      docs: { PATCH: { summary: "Update an attached model" }, DELETE: { summary: "Detach a model" } },
    },
  ];
}

/** The document GET /api/v1/openapi.json serves and /docs/api renders (the route module is loaded lazily: it lists itself). */
export async function apiDocument(): Promise<OpenApiDocument> {
  return buildDocument(apiRoutes(await import("./route")), { version: pkg.version });
}
