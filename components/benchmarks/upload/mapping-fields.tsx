"use client";

import { SelectField, TextField } from "@/components/ui/field";
import { ColumnChecks, ColumnSelect } from "./column-picker";
import { type MappingMode, type MappingState, PURPOSES, TYPES } from "./mapping";

type Props = {
  value: MappingState;
  onChange: (m: MappingState) => void;
  columns: string[];
  /** The server's message for a full path such as "field_mapping.truth_regex". */
  fieldError: (path: string) => string | undefined;
  /** A mapping problem no single field below owns. */
  error?: string;
};

const typeOptions = (types: readonly string[]) => types.map((t) => ({ value: t, label: t }));

export function MappingFields({ value: m, onChange, columns, fieldError, error }: Props) {
  const field = (change: Partial<MappingState["field"]>) => onChange({ ...m, field: { ...m.field, ...change } });
  const csv = (change: Partial<MappingState["csv"]>) => onChange({ ...m, csv: { ...m.csv, ...change } });
  return (
    <div className="space-y-4">
      <SelectField
        label="Mapping"
        value={m.mode}
        onChange={(e) => onChange({ ...m, mode: e.target.value as MappingMode })}
        error={error}
        options={[
          { value: "auto", label: "Detect automatically" },
          { value: "field", label: "Field mapping" },
          { value: "csv", label: "CSV column mapping" },
          { value: "purpose", label: "Llama Stack purpose" },
        ]}
        hint="Automatic detection knows Stratix JSONL, chat JSONL, Llama Stack rows and Yardstick's own export."
      />
      {m.mode === "field" ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <ColumnSelect
            label="Input field"
            value={m.field.input_field}
            onChange={(v) => field({ input_field: v })}
            columns={columns}
            error={fieldError("field_mapping.input_field")}
          />
          <ColumnSelect
            label="Truth field"
            value={m.field.truth_field}
            onChange={(v) => field({ truth_field: v })}
            columns={columns}
            error={fieldError("field_mapping.truth_field")}
          />
          <TextField
            label="Truth regex"
            value={m.field.truth_regex}
            onChange={(e) => field({ truth_regex: e.target.value })}
            maxLength={500}
            error={fieldError("field_mapping.truth_regex")}
            className="font-mono"
            hint={
              <>
                Optional; the first capture group becomes the truth, e.g. <code>{"####\\s*([^\\n]+)$"}</code> for GSM8K.
              </>
            }
          />
          <ColumnSelect
            label="Subset field"
            value={m.field.subset_field}
            onChange={(v) => field({ subset_field: v })}
            columns={columns}
            optional
          />
          <SelectField
            label="Task type"
            value={m.field.type}
            onChange={(e) => field({ type: e.target.value })}
            options={typeOptions(TYPES.filter((t) => t !== "MCQ"))}
          />
        </div>
      ) : null}
      {m.mode === "csv" ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <ColumnSelect
            label="Question column"
            value={m.csv.question}
            onChange={(v) => csv({ question: v })}
            columns={columns}
            error={fieldError("csv_mapping.question")}
          />
          <SelectField
            label="Default task type"
            value={m.csv.default_type}
            onChange={(e) => csv({ default_type: e.target.value })}
            options={typeOptions(TYPES)}
          />
          <ColumnSelect label="Subset column" value={m.csv.subset} onChange={(v) => csv({ subset: v })} columns={columns} optional />
          <ColumnSelect label="Redacted column" value={m.csv.redacted} onChange={(v) => csv({ redacted: v })} columns={columns} optional />
          <div className="sm:col-span-2">
            <ColumnChecks legend="Correct answer columns" values={m.csv.correct} onChange={(v) => csv({ correct: v })} columns={columns} />
          </div>
          <div className="sm:col-span-2">
            <ColumnChecks
              legend="Incorrect answer columns"
              values={m.csv.incorrect}
              onChange={(v) => csv({ incorrect: v })}
              columns={columns}
            />
          </div>
          <ColumnSelect
            label="Boolean answer column"
            value={m.csv.bool_correct}
            onChange={(v) => csv({ bool_correct: v })}
            columns={columns}
            optional
            hint="For bool rows: 1/true/yes or 0/false/no."
          />
        </div>
      ) : null}
      {m.mode === "purpose" ? (
        <SelectField
          label="Purpose"
          value={m.purpose}
          onChange={(e) => onChange({ ...m, purpose: e.target.value })}
          options={PURPOSES.map((p) => ({ value: p, label: p }))}
        />
      ) : null}
    </div>
  );
}
