"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { ChatIcon, ClipboardIcon, CubeIcon, GearIcon, HomeIcon, ListIcon, PlayIcon, SplitIcon, TrophyIcon } from "@/components/ui/icons";
import { focusRing } from "@/components/ui/styles";

const items = [
  { path: "", label: "Overview", Icon: HomeIcon },
  { path: "/models", label: "Models", Icon: CubeIcon },
  { path: "/benchmarks", label: "Benchmarks", Icon: ClipboardIcon },
  { path: "/runs", label: "Runs", Icon: PlayIcon },
  { path: "/leaderboard", label: "Leaderboard", Icon: TrophyIcon },
  { path: "/use-cases", label: "Use cases", Icon: ChatIcon },
  { path: "/interactions", label: "Interactions", Icon: ListIcon },
  { path: "/ab-tests", label: "A/B tests", Icon: SplitIcon },
  { path: "/settings", label: "Settings", Icon: GearIcon },
];

export function ProjectNav({ projectKey }: { projectKey: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Project">
      <ul className="space-y-0.5">
        {items.map(({ path, label, Icon }) => {
          const href = `/${projectKey}${path}`;
          const active = path === "" ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={label}>
              <Link
                href={href}
                aria-current={active ? "page" : undefined}
                className={`flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium ${focusRing} ${
                  active
                    ? "bg-brand-50 text-brand-700 dark:bg-gray-800 dark:text-white"
                    : "text-gray-800 hover:bg-gray-100 dark:text-gray-200 dark:hover:bg-gray-800"
                }`}
              >
                <Icon width={18} height={18} />
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
