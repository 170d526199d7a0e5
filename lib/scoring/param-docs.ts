import { z } from "zod";
import { SCORERS } from "./registry";
import { LlmJudgeParams } from "./scorers/llm-judge";

/** One scorer parameter as the scorer editor lists it: from the zod schema, so docs cannot drift. */
export type ParamDoc = { name: string; type: string; required: boolean; default?: string; description: string };

type JsonSchema = {
  type?: string;
  enum?: unknown[];
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  default?: unknown;
  description?: string;
  minimum?: number;
  maximum?: number;
};

function typeOf(s: JsonSchema): string {
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(" | ");
  if (s.type === "array") return `${s.items ? typeOf(s.items) : "any"}[]`;
  const range = s.minimum !== undefined || s.maximum !== undefined ? ` (${s.minimum ?? "…"} to ${s.maximum ?? "…"})` : "";
  return `${s.type ?? "any"}${range}`;
}

// A nested option is required only when its parent is: scale.min is not, while scale has a default.
function docs(schema: JsonSchema, prefix = "", parentRequired = true): ParamDoc[] {
  return Object.entries(schema.properties ?? {}).flatMap(([key, s]) => {
    const name = `${prefix}${key}`;
    const required = parentRequired && (schema.required ?? []).includes(key) && s.default === undefined;
    const own: ParamDoc = {
      name,
      type: typeOf(s),
      required,
      description: s.description ?? "",
      ...(s.default === undefined || (typeof s.default === "object" && s.properties) ? {} : { default: JSON.stringify(s.default) }),
    };
    return s.type === "object" && s.properties ? [own, ...docs(s, `${name}.`, required)] : [own];
  });
}

/** Every parameter of one params schema, nested objects flattened as `normalization.ignore_case`. */
export function paramDocs(schema: z.ZodType): ParamDoc[] {
  return docs(z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema);
}

/** The params schema of every scorer a run can name, the LLM judge included. */
export const PARAM_SCHEMAS: Record<string, z.ZodType> = {
  ...Object.fromEntries(Object.entries(SCORERS).map(([name, entry]) => [name, entry.params])),
  llm_as_judge: LlmJudgeParams,
};

export const scorerParamDocs = (): Record<string, ParamDoc[]> =>
  Object.fromEntries(Object.entries(PARAM_SCHEMAS).map(([name, schema]) => [name, paramDocs(schema)]));

/** A params error in one line; an unknown key also lists the keys that object allows. */
export function describeParamIssues(schema: z.ZodType, issues: z.core.$ZodIssue[]): string {
  const all = paramDocs(schema).map((d) => d.name);
  return issues
    .map((issue) => {
      const at = issue.path.join(".");
      const message = `${at ? `${at}: ` : ""}${issue.message}`;
      if (issue.code !== "unrecognized_keys") return message;
      const prefix = at ? `${at}.` : "";
      const allowed = all.filter((n) => n.startsWith(prefix) && !n.slice(prefix.length).includes(".")).map((n) => n.slice(prefix.length));
      return `${message}; allowed: ${allowed.length ? allowed.join(", ") : "none (this scorer takes no parameters)"}`;
    })
    .join("; ");
}
