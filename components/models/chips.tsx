import Link from "next/link";
import { focusRing } from "@/components/ui/styles";

export type Chip = { label: string; href: string; active: boolean };

export function ChipGroup({ label, chips }: { label: string; chips: Chip[] }) {
  if (chips.length === 0) return null;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <span className="w-24 shrink-0 text-xs font-semibold uppercase tracking-wide text-gray-700 dark:text-gray-300">{label}</span>
      <ul aria-label={label} className="flex flex-wrap gap-1.5">
        {chips.map((c) => (
          <li key={c.label}>
            <Link
              href={c.href}
              aria-current={c.active ? "true" : undefined}
              className={`inline-block rounded-full border px-3 py-1 text-xs font-medium ${focusRing} ${
                c.active
                  ? "border-brand-600 bg-brand-600 text-white"
                  : "border-gray-400 bg-white text-gray-800 hover:bg-gray-100 dark:border-gray-600 dark:bg-gray-900 dark:text-gray-200 dark:hover:bg-gray-800"
              }`}
            >
              {c.label}
              {c.active ? <span className="sr-only"> (selected)</span> : null}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
