import type { OpenApiDocument } from "./document";

export type DocParameter = { name: string; in: "path" | "query"; required: boolean; description?: string; type: string };

export type DocOperation = {
  id: string;
  method: string;
  path: string;
  tag: string;
  summary: string;
  description: string;
  auth: boolean;
  parameters: DocParameter[];
  /** Request body content types; a JSON body also gets its schema, pretty-printed. */
  bodyTypes: string[];
  bodySchema: string | null;
  responses: { status: string; types: string[] }[];
};

type RawOperation = {
  operationId: string;
  summary: string;
  description: string;
  tags: string[];
  security: unknown[];
  parameters: {
    name: string;
    in: "path" | "query";
    required: boolean;
    description?: string;
    schema: { type?: unknown; enum?: unknown[] };
  }[];
  requestBody?: { content: Record<string, { schema?: unknown }> };
  responses: Record<string, { content?: Record<string, unknown> }>;
};

const typeOf = (schema: { type?: unknown; enum?: unknown[] }) =>
  schema.enum ? schema.enum.map(String).join(" | ") : Array.isArray(schema.type) ? schema.type.join(" | ") : String(schema.type ?? "any");

/** Every operation of the document, in document order, flattened for the API reference page. */
export function listOperations(doc: OpenApiDocument): DocOperation[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item as Record<string, RawOperation>).map(([method, op]) => {
      const json = op.requestBody?.content["application/json"]?.schema;
      return {
        id: op.operationId,
        method: method.toUpperCase(),
        path,
        tag: op.tags[0] ?? "api",
        summary: op.summary,
        description: op.description,
        auth: op.security.length > 0,
        parameters: op.parameters.map((p) => ({
          name: p.name,
          in: p.in,
          required: p.required,
          description: p.description,
          type: typeOf(p.schema),
        })),
        bodyTypes: Object.keys(op.requestBody?.content ?? {}),
        bodySchema: json ? JSON.stringify(json, null, 2) : null,
        responses: Object.entries(op.responses).map(([status, r]) => ({ status, types: Object.keys(r.content ?? {}) })),
      };
    }),
  );
}
