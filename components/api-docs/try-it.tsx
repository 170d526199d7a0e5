"use client";

import { createContext, type ReactNode, useContext, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { TextAreaField, TextField } from "@/components/ui/field";
import type { DocOperation } from "@/lib/openapi/operations";

const TokenContext = createContext<{ token: string; setToken: (t: string) => void }>({ token: "", setToken: () => {} });

/** Holds the pasted API token for every "Try it" form; empty means the signed-in session (same origin). */
export function TokenProvider({ children }: { children: ReactNode }) {
  const [token, setToken] = useState("");
  return <TokenContext.Provider value={{ token, setToken }}>{children}</TokenContext.Provider>;
}

export function TokenInput() {
  const { token, setToken } = useContext(TokenContext);
  return (
    <TextField
      label="API token (optional)"
      hint="Requests use your session when empty; paste a project token (ys_…) to act as that token."
      type="password"
      autoComplete="off"
      value={token}
      onChange={(e) => setToken(e.target.value.trim())}
    />
  );
}

type Reply = { status: number; type: string; body: string } | { error: string };

const MAX_SHOWN = 20_000;

async function send(op: DocOperation, values: Record<string, string>, body: string, token: string): Promise<Reply> {
  let path = op.path;
  const query = new URLSearchParams();
  for (const p of op.parameters) {
    const value = values[p.name]?.trim();
    if (p.in === "path") path = path.replace(`{${p.name}}`, encodeURIComponent(value ?? ""));
    else if (value) query.set(p.name, value);
  }
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body.trim()) headers["content-type"] = "application/json";
  try {
    const response = await fetch(`${path}${query.size ? `?${query}` : ""}`, { method: op.method, headers, body: body.trim() || undefined });
    const type = response.headers.get("content-type") ?? "";
    let text = await response.text();
    if (type.includes("json") && !type.includes("ndjson") && text) text = JSON.stringify(JSON.parse(text), null, 2);
    return { status: response.status, type, body: text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}\n… (truncated)` : text };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** A form for one operation: its parameters, a JSON body, and the response as received. */
export function TryIt({ op }: { op: DocOperation }) {
  const { token } = useContext(TokenContext);
  const [values, setValues] = useState<Record<string, string>>({});
  const [body, setBody] = useState("");
  const [reply, setReply] = useState<Reply | null>(null);
  const [pending, setPending] = useState(false);
  const outputId = useId();
  const missing = op.parameters.filter((p) => p.in === "path" && !values[p.name]?.trim()).map((p) => p.name);
  return (
    <form
      className="mt-3 space-y-3"
      onSubmit={async (e) => {
        e.preventDefault();
        setPending(true);
        setReply(await send(op, values, body, token));
        setPending(false);
      }}
    >
      {op.parameters.map((p) => (
        <TextField
          key={`${p.in}:${p.name}`}
          label={`${p.name} (${p.in}${p.required ? ", required" : ""})`}
          hint={p.description}
          value={values[p.name] ?? ""}
          onChange={(e) => setValues({ ...values, [p.name]: e.target.value })}
        />
      ))}
      {op.bodyTypes.includes("application/json") ? (
        <TextAreaField label="JSON body" rows={5} className="font-mono" value={body} onChange={(e) => setBody(e.target.value)} />
      ) : null}
      <div className="flex items-center gap-3">
        <Button type="submit" size="sm" pending={pending} disabled={missing.length > 0} aria-describedby={outputId}>
          Send {op.method}
        </Button>
        {missing.length ? <span className="text-xs text-gray-700 dark:text-gray-300">Fill in {missing.join(", ")}</span> : null}
      </div>
      <output id={outputId} aria-live="polite" className="block">
        {reply && "error" in reply ? <p className="text-sm text-red-700 dark:text-red-300">Request failed: {reply.error}</p> : null}
        {reply && "status" in reply ? (
          <>
            <span className="text-sm font-medium">
              HTTP {reply.status} {reply.type}
            </span>
            <pre className="mt-1 max-h-96 overflow-auto rounded bg-gray-50 p-3 text-xs dark:bg-gray-950">
              {reply.body || "(empty body)"}
            </pre>
          </>
        ) : null}
      </output>
    </form>
  );
}
