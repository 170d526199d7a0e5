export type JsonSchema = Record<string, unknown>;

/**
 * zod writes recursive schemas (JSON values, nested tasks) with refs local to one schema (`#`, `#/$defs/x`);
 * in a document they must point at components, so their definitions move there (deduplicated by content).
 */
export class Components {
  readonly schemas: Record<string, JsonSchema> = {};
  private byContent = new Map<string, string>();

  add(schema: JsonSchema): string {
    const text = JSON.stringify(schema);
    let name = this.byContent.get(text);
    if (!name) {
      name = `Schema${this.byContent.size + 1}`;
      this.byContent.set(text, name);
      this.schemas[name] = schema;
    }
    return name;
  }

  hoist(raw: JsonSchema): JsonSchema {
    const { $schema: _, $defs, ...root } = raw as JsonSchema & { $defs?: Record<string, JsonSchema> };
    const text = JSON.stringify(root);
    const selfRef = text.includes('"$ref":"#"');
    const rootName = selfRef ? `Schema${this.byContent.size + 1}-root` : "";
    const names = new Map<string, string>();
    // A definition that contains itself (a JSON value) becomes "any JSON" there: typed clients cannot name it.
    const rewrite = (value: unknown, self?: string): unknown => {
      if (Array.isArray(value)) return value.map((v) => rewrite(v, self));
      if (!value || typeof value !== "object") return value;
      const ref = (value as { $ref?: unknown }).$ref;
      if (self && ref === `#/$defs/${self}`) return {};
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        if (k === "$ref" && typeof v === "string") {
          const def = v.startsWith("#/$defs/") ? names.get(v.slice(8)) : v === "#" ? rootName : undefined;
          out[k] = def ? `#/components/schemas/${def}` : v;
        } else out[k] = rewrite(v, self);
      }
      return out;
    };
    for (const [key, def] of Object.entries($defs ?? {})) names.set(key, this.add(rewrite(def, key) as JsonSchema));
    for (const [key, def] of Object.entries($defs ?? {})) this.schemas[names.get(key) as string] = rewrite(def, key) as JsonSchema;
    const body = rewrite(root) as JsonSchema;
    if (!selfRef) return body;
    this.schemas[rootName] = body;
    return { $ref: `#/components/schemas/${rootName}` };
  }
}
