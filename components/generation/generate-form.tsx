"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { controlClass } from "@/components/ui/styles";
import { generationApi } from "./api";

const TYPES = [
  { value: "MCQ", label: "Multiple choice" },
  { value: "FRQ", label: "Short answer" },
  { value: "bool", label: "True / false" },
] as const;

/** base64 of the file's bytes, read in the browser (the API takes JSON). */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function GenerateForm({ projectKey, models }: { projectKey: string; models: { id: string; name: string }[] }) {
  const router = useRouter();
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [modelId, setModelId] = useState(models[0]?.id ?? "");
  const [count, setCount] = useState("10");
  const [types, setTypes] = useState<string[]>(TYPES.map((t) => t.value));
  const create = useMutation({
    mutationFn: async () => {
      if (!file) throw new Error("Choose a document");
      const body = { model_id: modelId, count: Number(count), types, document: { name: file.name, content_base64: await base64Of(file) } };
      return generationApi(projectKey, "", { method: "POST", body });
    },
    onSuccess: (g) => router.push(`/${projectKey}/benchmarks/generate/${g.id}`),
  });
  return (
    <form
      className="max-w-xl space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate();
      }}
    >
      <div>
        <label htmlFor={fileId} className="mb-1 block text-sm font-medium text-gray-900 dark:text-gray-100">
          Document
        </label>
        <input
          id={fileId}
          type="file"
          accept=".txt,.md,.markdown,.pdf,text/plain,text/markdown,application/pdf"
          className={controlClass}
          aria-describedby={`${fileId}-hint`}
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
        <p id={`${fileId}-hint`} className="mt-1 text-xs text-gray-700 dark:text-gray-300">
          Plain text, Markdown or PDF (with a text layer), up to 10 MB.
        </p>
      </div>
      <SelectField
        label="Generator model"
        value={modelId}
        onChange={(e) => setModelId(e.target.value)}
        options={models.map((m) => ({ value: m.id, label: m.name }))}
        hint="Simulated models write deterministic fill-in-the-blank tasks with no network."
      />
      <TextField label="Number of tasks" type="number" min={1} max={200} value={count} onChange={(e) => setCount(e.target.value)} />
      <fieldset>
        <legend className="mb-1 text-sm font-medium">Task types</legend>
        <div className="flex flex-wrap gap-4">
          {TYPES.map((t) => (
            <label key={t.value} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={types.includes(t.value)}
                onChange={(e) => setTypes((now) => (e.target.checked ? [...now, t.value] : now.filter((x) => x !== t.value)))}
              />
              {t.label}
            </label>
          ))}
        </div>
      </fieldset>
      <FormMessage message={create.error?.message} />
      <Button type="submit" pending={create.isPending} disabled={!file || !modelId || types.length === 0}>
        Generate tasks
      </Button>
    </form>
  );
}
