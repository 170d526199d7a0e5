"use client";

import type { ReactNode } from "react";
import { focusRing } from "@/components/ui/styles";

type Item = { id: string; label: string; extra?: ReactNode };

/** A labelled group of checkboxes for picking several items. */
export function ChoiceList({
  legend,
  items,
  selected,
  onChange,
  empty,
}: {
  legend: string;
  items: Item[];
  selected: string[];
  onChange: (ids: string[]) => void;
  empty: ReactNode;
}) {
  return (
    <fieldset className="min-w-0">
      <legend className="mb-2 text-sm font-medium text-gray-900 dark:text-gray-100">{legend}</legend>
      {items.length === 0 ? (
        <p className="text-sm text-gray-700 dark:text-gray-300">{empty}</p>
      ) : (
        <ul className="max-h-72 space-y-1 overflow-y-auto rounded-md border border-gray-200 p-2 dark:border-gray-800">
          {items.map((item) => (
            <li key={item.id}>
              <label className="flex cursor-pointer items-center gap-2 rounded px-2 py-1 text-sm text-gray-900 hover:bg-gray-50 dark:text-gray-100 dark:hover:bg-gray-800">
                <input
                  type="checkbox"
                  className={`h-4 w-4 rounded border-gray-500 ${focusRing}`}
                  checked={selected.includes(item.id)}
                  onChange={(e) => onChange(e.target.checked ? [...selected, item.id] : selected.filter((id) => id !== item.id))}
                />
                <span>{item.label}</span>
                {item.extra}
              </label>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
