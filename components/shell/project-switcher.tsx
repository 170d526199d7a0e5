"use client";

import Link from "next/link";
import { ChevronIcon } from "@/components/ui/icons";
import { focusRing } from "@/components/ui/styles";
import { Disclosure, panelItemClass } from "./disclosure";

type ProjectLink = { key: string; name: string };

export function ProjectSwitcher({ current, projects }: { current: ProjectLink; projects: ProjectLink[] }) {
  return (
    <Disclosure
      label={
        <>
          <span className="min-w-0 flex-1 text-left">
            <span className="block text-xs text-gray-700 dark:text-gray-300">Project:</span>{" "}
            <span className="block truncate font-semibold">{current.name}</span>
          </span>{" "}
          <ChevronIcon width={16} height={16} />
          <span className="sr-only">(switch project)</span>
        </>
      }
      buttonClassName={`flex w-full items-center gap-2 rounded-md border border-gray-300 bg-white px-3 py-2 text-sm text-gray-900 hover:bg-gray-50 dark:border-gray-700 dark:bg-gray-900 dark:text-gray-100 dark:hover:bg-gray-800 ${focusRing}`}
      panelClassName="left-0 right-0"
    >
      <ul>
        {projects.map((p) => (
          <li key={p.key}>
            <Link className={panelItemClass} href={`/${p.key}`} aria-current={p.key === current.key ? "page" : undefined}>
              {p.name} <span className="text-xs text-gray-700 dark:text-gray-300">({p.key})</span>
            </Link>
          </li>
        ))}
        <li className="mt-1 border-t border-gray-200 pt-1 dark:border-gray-700">
          <Link className={panelItemClass} href="/projects">
            All projects / new project
          </Link>
        </li>
      </ul>
    </Disclosure>
  );
}
