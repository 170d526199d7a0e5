"use client";

import { SelectField, TextField } from "@/components/ui/field";
import { focusRing } from "@/components/ui/styles";

type Props = {
  label: string;
  value: string;
  onChange: (v: string) => void;
  columns: string[];
  optional?: boolean;
  error?: string;
  hint?: string;
};

/** A select of the detected columns; a text box when none could be detected (e.g. a .gz file). */
export function ColumnSelect({ label, value, onChange, columns, optional, error, hint }: Props) {
  if (columns.length === 0)
    return <TextField label={label} value={value} onChange={(e) => onChange(e.target.value)} maxLength={200} error={error} hint={hint} />;
  const options = [{ value: "", label: optional ? "— none —" : "Choose a column" }, ...columns.map((c) => ({ value: c, label: c }))];
  return <SelectField label={label} value={value} onChange={(e) => onChange(e.target.value)} options={options} error={error} hint={hint} />;
}

/** A checkbox per column, for mappings that take several columns. */
export function ColumnChecks({
  legend,
  values,
  onChange,
  columns,
}: {
  legend: string;
  values: string[];
  onChange: (v: string[]) => void;
  columns: string[];
}) {
  if (columns.length === 0) {
    return (
      <TextField
        label={legend}
        value={values.join(",")}
        onChange={(e) =>
          onChange(
            e.target.value
              .split(",")
              .map((s) => s.trim())
              .filter(Boolean),
          )
        }
        hint="Comma-separated column names."
      />
    );
  }
  return (
    <fieldset>
      <legend className="mb-1 block text-sm font-medium text-gray-900 dark:text-gray-100">{legend}</legend>
      <div className="flex flex-wrap gap-x-4 gap-y-1">
        {columns.map((c) => (
          <label key={c} className="inline-flex items-center gap-1.5 text-sm text-gray-900 dark:text-gray-100">
            <input
              type="checkbox"
              className={`h-4 w-4 rounded border-gray-500 ${focusRing}`}
              checked={values.includes(c)}
              onChange={(e) => onChange(e.target.checked ? [...values, c] : values.filter((v) => v !== c))}
            />
            {c}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
