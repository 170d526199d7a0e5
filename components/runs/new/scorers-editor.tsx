"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField } from "@/components/ui/field";
import type { ParamDoc } from "@/lib/scoring/param-docs";
import { ParamList } from "./param-list";
import type { ScorerRow } from "./types";

type Props = {
  rows: ScorerRow[];
  onChange: (rows: ScorerRow[]) => void;
  scorerNames: string[];
  paramDocs: Record<string, ParamDoc[]>;
  fieldError: (path: string) => string | undefined;
};

/** Scorers in order (the first is the run's primary score): a registry type and its params as JSON. */
export function ScorersEditor({ rows, onChange, scorerNames, paramDocs, fieldError }: Props) {
  const hint = useId();
  // Keys stay stable while rows are removed, so React keeps each row's textarea (and its caret).
  const [nextKey, setNextKey] = useState(rows.length);
  const update = (index: number, patch: Partial<ScorerRow>) => onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const options = scorerNames.map((name) => ({ value: name, label: name }));
  return (
    <fieldset aria-describedby={hint} className="min-w-0">
      <legend className="mb-1 text-sm font-medium text-gray-900 dark:text-gray-100">Scorers</legend>
      <p id={hint} className="mb-2 text-xs text-gray-700 dark:text-gray-300">
        The default for each task type when none is added. The first scorer is the run&apos;s primary score.
      </p>
      <ol className="space-y-3">
        {rows.map((row, i) => (
          <li key={row.key} className="grid gap-3 rounded-md border border-gray-200 p-3 sm:grid-cols-[12rem_1fr_auto] dark:border-gray-800">
            <SelectField
              label={`Scorer ${i + 1} type`}
              value={row.type}
              options={options}
              onChange={(e) => update(i, { type: e.target.value })}
              error={fieldError(`config.scorers.${i}.type`)}
            />
            <TextAreaField
              label={`Scorer ${i + 1} params (JSON)`}
              rows={2}
              className="font-mono"
              spellCheck={false}
              value={row.params}
              placeholder="{}"
              onChange={(e) => update(i, { params: e.target.value })}
              error={fieldError(`config.scorers.${i}.params`)}
            />
            <div className="sm:pt-6">
              <Button variant="secondary" size="sm" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
                Remove scorer {i + 1}
              </Button>
            </div>
            <div className="sm:col-span-3">
              <ParamList scorer={row.type} docs={paramDocs[row.type] ?? []} />
            </div>
          </li>
        ))}
      </ol>
      <Button
        variant="secondary"
        size="sm"
        className="mt-2"
        onClick={() => {
          onChange([...rows, { key: nextKey, type: scorerNames[0] ?? "exact_match", params: "" }]);
          setNextKey(nextKey + 1);
        }}
      >
        Add scorer
      </Button>
      {fieldError("config.scorers") && !rows.some((_, i) => fieldError(`config.scorers.${i}`)) ? (
        <p className="mt-1 text-xs font-medium text-red-700 dark:text-red-300">{fieldError("config.scorers")}</p>
      ) : null}
    </fieldset>
  );
}
