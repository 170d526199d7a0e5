"use client";

import { type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes, useId } from "react";
import type { Option } from "./options";
import { controlClass, focusRing } from "./styles";

type Common = { label: string; error?: string; hint?: ReactNode };

function useFieldIds(error?: string, hint?: ReactNode) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(" ") || undefined;
  return { id, hintId, errorId, aria: { "aria-describedby": describedBy, "aria-invalid": error ? true : undefined } };
}

function Messages({ hint, hintId, error, errorId }: { hint?: ReactNode; hintId?: string; error?: string; errorId?: string }) {
  return (
    <>
      {hint ? (
        <p id={hintId} className="mt-1 text-xs text-gray-700 dark:text-gray-300">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="mt-1 text-xs font-medium text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : null}
    </>
  );
}

const labelClass = "mb-1 block text-sm font-medium text-gray-900 dark:text-gray-100";

export function TextField({ label, error, hint, className = "", ...input }: Common & InputHTMLAttributes<HTMLInputElement>) {
  const f = useFieldIds(error, hint);
  return (
    <div className={className}>
      <label htmlFor={f.id} className={labelClass}>
        {label}
      </label>
      <input id={f.id} className={controlClass} {...f.aria} {...input} />
      <Messages hint={hint} hintId={f.hintId} error={error} errorId={f.errorId} />
    </div>
  );
}

export function TextAreaField({ label, error, hint, className = "", ...input }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const f = useFieldIds(error, hint);
  return (
    <div className={className}>
      <label htmlFor={f.id} className={labelClass}>
        {label}
      </label>
      <textarea id={f.id} className={controlClass} {...f.aria} {...input} />
      <Messages hint={hint} hintId={f.hintId} error={error} errorId={f.errorId} />
    </div>
  );
}

export function SelectField({
  label,
  error,
  hint,
  className = "",
  options,
  ...input
}: Common & SelectHTMLAttributes<HTMLSelectElement> & { options: Option[] }) {
  const f = useFieldIds(error, hint);
  return (
    <div className={className}>
      <label htmlFor={f.id} className={labelClass}>
        {label}
      </label>
      <select id={f.id} className={controlClass} {...f.aria} {...input}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Messages hint={hint} hintId={f.hintId} error={error} errorId={f.errorId} />
    </div>
  );
}

export function CheckboxField({ label, error, hint, className = "", ...input }: Common & InputHTMLAttributes<HTMLInputElement>) {
  const f = useFieldIds(error, hint);
  return (
    <div className={className}>
      <div className="flex items-center gap-2">
        <input id={f.id} type="checkbox" className={`h-4 w-4 rounded border-gray-500 text-brand-600 ${focusRing}`} {...f.aria} {...input} />
        <label htmlFor={f.id} className="text-sm text-gray-900 dark:text-gray-100">
          {label}
        </label>
      </div>
      <Messages hint={hint} hintId={f.hintId} error={error} errorId={f.errorId} />
    </div>
  );
}
