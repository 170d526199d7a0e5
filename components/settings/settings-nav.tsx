"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { focusRing } from "@/components/ui/styles";

/** `showAdmin`: the caller may see API tokens and the audit log (pages that 404 otherwise). */
export function SettingsNav({ projectKey, showAdmin }: { projectKey: string; showAdmin: boolean }) {
  const pathname = usePathname();
  const base = `/${projectKey}/settings`;
  const items = [
    { href: base, label: "General" },
    { href: `${base}/members`, label: "Members" },
    ...(showAdmin
      ? [
          { href: `${base}/tokens`, label: "API tokens" },
          { href: `${base}/audit`, label: "Audit log" },
        ]
      : []),
  ];
  return (
    <nav aria-label="Settings" className="mb-6 border-b border-gray-200 dark:border-gray-800">
      <ul className="-mb-px flex flex-wrap gap-1">
        {items.map((item) => {
          const active = pathname === item.href;
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={active ? "page" : undefined}
                className={`inline-block rounded-t-md border-b-2 px-3 py-2 text-sm font-medium ${focusRing} ${
                  active
                    ? "border-brand-600 text-brand-700 dark:border-brand-100 dark:text-white"
                    : "border-transparent text-gray-700 hover:border-gray-400 hover:text-gray-900 dark:text-gray-300 dark:hover:text-white"
                }`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
