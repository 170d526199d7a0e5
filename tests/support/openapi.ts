import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { expect } from "vitest";
import { GET } from "@/app/api/v1/openapi.json/route";
import type { OpenApiDocument } from "@/lib/openapi/document";

let cached: Promise<OpenApiDocument> | undefined;
const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));

async function openApiDocument(): Promise<OpenApiDocument> {
  cached ??= GET(new Request("http://localhost/api/v1/openapi.json"), { params: Promise.resolve({}) }).then((r) => r.json());
  return cached;
}

type Responses = Record<string, { content?: Record<string, { schema?: unknown }> }>;

/**
 * Asserts that a JSON response body matches the document's schema for that operation and status, so a
 * changed response shape fails the test that received it. `path` is the documented one (`/api/v1/runs/{id}`).
 */
export async function expectDocumentedResponse(method: string, path: string, status: number, body: unknown): Promise<void> {
  const doc = await openApiDocument();
  const operation = (doc.paths[path] as Record<string, { responses: Responses }> | undefined)?.[method.toLowerCase()];
  expect(operation, `${method} ${path} is not in the OpenAPI document`).toBeDefined();
  const content = operation?.responses[String(status)]?.content ?? {};
  const schema = (content["application/json"] ?? content["application/problem+json"])?.schema as Record<string, unknown> | undefined;
  expect(schema, `${method} ${path} documents no JSON body for ${status}`).toBeDefined();
  // Refs point into the document's components, so compile the schema with them.
  const validate = ajv.compile({ ...schema, components: doc.components });
  const ok = validate(body);
  expect(ok, `${method} ${path} ${status}: ${ajv.errorsText(validate.errors)}`).toBe(true);
}
