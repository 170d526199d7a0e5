"use client";

import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { CheckboxField, TextAreaField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { FileField } from "./file-field";
import { guessMapping, initialMapping, type MappingState, mappingParams } from "./mapping";
import { MappingFields } from "./mapping-fields";
import { ProgressBar } from "./progress-bar";
import { sendUpload } from "./send-upload";
import { type Sniffed, sniffFile } from "./sniff";
import type { Problem, Progress, UploadResult } from "./types";
import { UploadResultPanel } from "./upload-result";

export type UploadTarget =
  | { kind: "create" }
  | { kind: "version"; benchmarkId: string }
  | { kind: "append"; benchmarkId: string; version: number };

type Props = { projectKey: string; target: UploadTarget; formula: string };

const FIELDS = ["key", "name", "description", "categories", "languages"];
const MAPPING = ["field_mapping", "csv_mapping", "purpose", "format"];
// Mapping paths shown beside their own field in MappingFields.
const OWNED = ["field_mapping.input_field", "field_mapping.truth_field", "field_mapping.truth_regex", "csv_mapping.question"];

function endpoint(target: UploadTarget, params: Record<string, string>): string {
  const path =
    target.kind === "create"
      ? "/api/v1/benchmarks"
      : target.kind === "version"
        ? `/api/v1/benchmarks/${target.benchmarkId}/versions`
        : `/api/v1/benchmarks/${target.benchmarkId}/versions/${target.version}/rows`;
  return `${path}?${new URLSearchParams(params).toString()}`;
}

export function UploadForm({ projectKey, target, formula }: Props) {
  const formRef = useRef<HTMLFormElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [sniffed, setSniffed] = useState<Sniffed | null>(null);
  const [mapping, setMapping] = useState<MappingState>(initialMapping);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<UploadResult | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [fileError, setFileError] = useState<string>();
  const [sent, setSent] = useState<Record<string, string> | null>(null);
  // Paths edited since the last upload: their messages no longer describe what is on screen.
  const [edited, setEdited] = useState<string[]>([]);
  const markEdited = (...paths: string[]) => setEdited((e) => [...e, ...paths]);
  const changeMapping = (next: MappingState) => {
    const changed = (["field", "csv"] as const).flatMap((part) =>
      Object.entries(next[part])
        .filter(([k, v]) => v !== (mapping[part] as Record<string, unknown>)[k])
        .map(([k]) => `${part}_mapping.${k}`),
    );
    markEdited(...changed, ...(next.mode !== mapping.mode || next.purpose !== mapping.purpose ? MAPPING : []));
    setMapping(next);
  };

  async function choose(next: File | null) {
    setFile(next);
    setResult(null);
    setProblem(null);
    setFileError(undefined);
    const s = next ? await sniffFile(next) : null;
    setSniffed(s);
    if (s) setMapping((m) => guessMapping(m, s.columns));
  }

  async function upload(params: Record<string, string>) {
    if (!file) return;
    setBusy(true);
    setProblem(null);
    setEdited([]);
    setProgress({ phase: "sending", sent: 0, total: file.size, rows: 0 });
    const outcome = await sendUpload(endpoint(target, params), projectKey, file, setProgress);
    setBusy(false);
    setSent(params);
    if (outcome.ok) setResult(outcome.result);
    else {
      setResult(null);
      setProblem(outcome.problem);
    }
  }

  function submit(form: HTMLFormElement) {
    if (!file) return setFileError("Choose a file to upload");
    const data = new FormData(form);
    const params: Record<string, string> = {
      dry_run: data.get("dry_run") === "on" ? "true" : "false",
      filename: file.name,
      ...mappingParams(mapping),
    };
    if (target.kind === "create") for (const k of FIELDS) params[k] = String(data.get(k) ?? "").trim();
    void upload(params);
  }

  const open = (problem?.errors ?? []).filter((e) => !edited.some((p) => e.path === p || e.path.startsWith(`${p}.`)));
  const top = (path: string) => path.split(".")[0] ?? path;
  const err = (k: string) => open.find((e) => top(e.path) === k)?.message;
  const fieldError = (path: string) => open.find((e) => e.path === path)?.message;
  const shownPaths = [...FIELDS, ...MAPPING];
  const others = open.filter((e) => !shownPaths.includes(top(e.path)));
  // Mapping problems the mapping's own fields show stay off the mode dropdown.
  const mappingError = open.find((e) => MAPPING.includes(top(e.path)) && !OWNED.includes(e.path))?.message;

  return (
    <div className="space-y-8">
      <form
        ref={formRef}
        noValidate
        className="space-y-6"
        onSubmit={(e) => {
          e.preventDefault();
          submit(e.currentTarget);
        }}
        onChange={(e) => {
          const target = e.target as EventTarget;
          if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) markEdited(target.name);
        }}
      >
        {problem ? (
          <div className="space-y-1">
            <FormMessage message={problem.detail} />
            {others.length ? (
              <ul className="list-disc pl-5 text-sm text-red-700 dark:text-red-300">
                {others.slice(0, 20).map((e) => (
                  <li key={`${e.path}:${e.message}`}>
                    {e.path ? `${e.path}: ` : ""}
                    {e.message}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        {target.kind === "create" ? (
          <fieldset className="grid gap-4 sm:grid-cols-2">
            <legend className="mb-2 text-lg font-semibold">Benchmark</legend>
            <TextField
              label="Key"
              name="key"
              required
              maxLength={128}
              error={err("key")}
              hint="Unique id such as acme/trivia. Lowercase letters, digits, '.', '_', '-' and '/'."
            />
            <TextField label="Name" name="name" required maxLength={64} error={err("name")} />
            <TextAreaField
              className="sm:col-span-2"
              label="Description"
              name="description"
              rows={2}
              maxLength={280}
              error={err("description")}
            />
            <TextField label="Categories" name="categories" error={err("categories")} hint="Comma-separated, e.g. reasoning, knowledge." />
            <TextField label="Languages" name="languages" error={err("languages")} hint="Comma-separated, e.g. en, de." />
          </fieldset>
        ) : null}
        <fieldset className="space-y-4">
          <legend className="mb-2 text-lg font-semibold">Task file</legend>
          <FileField error={fileError ?? err("file")} onChoose={choose} sniffed={sniffed} />
          {file ? (
            <MappingFields
              value={mapping}
              onChange={changeMapping}
              columns={sniffed?.columns ?? []}
              fieldError={fieldError}
              error={mappingError}
            />
          ) : null}
          <CheckboxField
            label="Dry run (validate only)"
            name="dry_run"
            defaultChecked
            hint="Checks every row and shows a preview without saving anything."
          />
        </fieldset>
        <Button type="submit" pending={busy}>
          Upload
        </Button>
      </form>
      {progress && (busy || result || problem) ? (
        <ProgressBar progress={progress} state={busy ? "working" : problem ? "failed" : "done"} />
      ) : null}
      {result ? (
        <UploadResultPanel
          result={result}
          projectKey={projectKey}
          formula={formula}
          importing={busy}
          onImport={() => sent && void upload({ ...sent, dry_run: "false" })}
        />
      ) : null}
    </div>
  );
}
