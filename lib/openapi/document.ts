import { z } from "zod";
import type { RouteSpec } from "@/lib/http/route";
import { Components, type JsonSchema } from "./components";
import { Problem } from "./schemas";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Method = (typeof METHODS)[number];

/** What the route's own spec cannot say: a summary, the response body, and non-JSON bodies. */
export type OperationDoc = {
  summary: string;
  description?: string;
  /** The JSON body of a success response (any JSON object when unset). */
  response?: z.ZodType;
  /** Success answered with these content types instead of JSON (downloads). */
  produces?: string[];
  /** The body is a file or a JSON `source`; these are its settings (query string or JSON fields). */
  upload?: z.ZodType;
  /** `Accept: application/x-ndjson` streams progress lines, then `{result}` or `{error}`. */
  ndjsonProgress?: boolean;
  /** The JSON body, for a handler that parses it itself instead of through its wrapper's spec (the gateway). */
  body?: z.ZodType;
  /** Errors are OpenAI's `{error: {message, type, code, param}}` instead of problem+json (the gateway). */
  openAiErrors?: boolean;
};

/** One route file: its URL under /api/v1 (`{id}` for [id]), its module, and a doc per exported method. */
export type PathEntry = { path: string; module: Record<string, unknown>; docs: Partial<Record<Method, OperationDoc>> };

function jsonSchema(c: Components, schema: z.ZodType, io: "input" | "output"): JsonSchema {
  return c.hoist(z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonSchema);
}

function parameters(c: Components, schema: z.ZodType | undefined, where: "path" | "query", optional = false) {
  if (!schema) return [];
  const json = jsonSchema(c, schema, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => {
    // A catch-all segment ([...key]) is one string that may contain '/'.
    const catchAll = where === "path" && property.type === "array";
    const description = catchAll ? "May contain '/' (sent as %2F or as more path segments)" : property.description;
    return {
      name,
      in: where,
      required: where === "path" || (!optional && (json.required ?? []).includes(name)),
      ...(typeof description === "string" ? { description } : {}),
      schema: catchAll ? { type: "string" } : property,
    };
  });
}

const problemResponse = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
});

const ERRORS = {
  "400": "Invalid input: `errors` names each field",
  "401": "No valid session or API token",
  "403": "The caller's role is too low",
  "404": "Not found (or in another project)",
};
const PROBLEMS = Object.fromEntries(Object.entries(ERRORS).map(([status, description]) => [status, problemResponse(description)]));

const OpenAiError = z.object({
  error: z.object({ message: z.string(), type: z.string(), code: z.string().nullable(), param: z.string().nullable() }),
});

function openAiErrors(c: Components) {
  const schema = jsonSchema(c, OpenAiError, "output");
  return Object.fromEntries(
    Object.entries(ERRORS).map(([status, description]) => [status, { description, content: { "application/json": { schema } } }]),
  );
}

function successContent(c: Components, doc: OperationDoc) {
  if (doc.produces) return Object.fromEntries(doc.produces.map((type) => [type, { schema: { type: "string" } }]));
  const content: Record<string, unknown> = {
    "application/json": { schema: doc.response ? jsonSchema(c, doc.response, "output") : { type: "object" } },
  };
  if (doc.ndjsonProgress)
    content["application/x-ndjson"] = {
      schema: { type: "string", description: "One JSON object per line: {progress}…, then {result} or {error}" },
    };
  return content;
}

function requestBody(c: Components, spec: RouteSpec, doc: OperationDoc) {
  if (doc.upload) {
    const settings = jsonSchema(c, doc.upload, "input");
    return {
      required: true,
      content: {
        "application/json": {
          schema: {
            type: "object",
            description: "Settings plus `source` ({type: rows, rows} or {type: uri, uri})",
            properties: settings.properties,
          },
        },
        "application/x-ndjson": { schema: { type: "string", format: "binary" } },
        "text/csv": { schema: { type: "string", format: "binary" } },
        "application/octet-stream": {
          schema: { type: "string", format: "binary", description: "JSONL, JSON or CSV, optionally gzip-compressed" },
        },
      },
    };
  }
  const body = spec.body ?? doc.body;
  return body ? { required: true, content: { "application/json": { schema: jsonSchema(c, body, "input") } } } : undefined;
}

function operation(c: Components, path: string, method: Method, spec: RouteSpec, doc: OperationDoc) {
  const who =
    spec.auth === "public"
      ? "No authentication."
      : spec.auth === "user"
        ? "Any signed-in caller."
        : `Role: ${spec.role} or higher in the project.`;
  const status = String(spec.status ?? 200);
  const body = requestBody(c, spec, doc);
  return {
    operationId: `${method.toLowerCase()}${path.replace(/\{([^}]+)\}/g, "By_$1").replace(/[^a-zA-Z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? "").toUpperCase())}`,
    summary: doc.summary,
    description: [doc.description, who].filter(Boolean).join("\n\n"),
    tags: [path.split("/")[1] ?? "api"],
    security: spec.auth === "public" ? [] : [{ bearerAuth: [] }, { sessionCookie: [] }],
    // Upload settings go in the query string with a file body, or in the JSON body beside `source`.
    parameters: [
      ...parameters(c, spec.params, "path"),
      ...(doc.upload ? parameters(c, doc.upload, "query", true) : parameters(c, spec.query, "query")),
    ],
    ...(body ? { requestBody: body } : {}),
    responses: {
      [status]: status === "204" ? { description: "Done" } : { description: "Success", content: successContent(c, doc) },
      ...(doc.upload ? { "201": { description: "Imported as a new version", content: successContent(c, doc) } } : {}),
      ...(doc.openAiErrors ? openAiErrors(c) : PROBLEMS),
    },
  };
}

/** The methods a route module exports, each with the spec its wrapper validates with. */
export function routeMethods(module: Record<string, unknown>): Method[] {
  return METHODS.filter((m) => typeof module[m] === "function");
}

/** The OpenAPI 3.1 document of every registered route, built from the same zod schemas the routes parse with. */
export function buildDocument(entries: PathEntry[], info: { version: string }) {
  const components = new Components();
  const problem = jsonSchema(components, Problem, "output");
  const paths: Record<string, Record<string, unknown>> = {};
  for (const entry of entries) {
    const item: Record<string, unknown> = {};
    for (const method of routeMethods(entry.module)) {
      const spec = (entry.module[method] as { spec?: RouteSpec }).spec;
      const doc = entry.docs[method];
      if (!spec || !doc) continue;
      item[method.toLowerCase()] = operation(components, entry.path, method, spec, doc);
    }
    paths[`/api/v1${entry.path}`] = item;
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Yardstick API",
      version: info.version,
      description:
        "Evaluate AI models: models, benchmarks, runs, comparisons. Authenticate with a project token (`Authorization: Bearer ys_…`) or the signed-in session. Lists are `{items, count, page, per_page}`; errors are RFC 7807 problem documents.",
    },
    servers: [{ url: "/" }],
    components: {
      securitySchemes: {
        bearerAuth: {
          type: "http",
          scheme: "bearer",
          description: "A project API token (Settings → API tokens, or POST /api/v1/auth/token)",
        },
        sessionCookie: { type: "apiKey", in: "cookie", name: "next-auth.session-token" },
      },
      schemas: { Problem: problem, ...components.schemas },
    },
    paths,
  };
}

export type OpenApiDocument = ReturnType<typeof buildDocument>;
