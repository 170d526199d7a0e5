import Link from "next/link";
import type { ReactNode } from "react";
import { focusRing } from "@/components/ui/styles";
import { SkipLink } from "./skip-link";
import { ThemeToggle } from "./theme-toggle";
import { UserMenu } from "./user-menu";

/** The frame for pages outside a project: project list, profile, user profiles, instance admin. */
export function AccountShell({ username, isAdmin, children }: { username: string; isAdmin: boolean; children: ReactNode }) {
  return (
    <div className="min-h-screen">
      <SkipLink />
      <header className="border-b border-gray-200 bg-white dark:border-gray-800 dark:bg-gray-900">
        <div className="mx-auto flex h-14 max-w-5xl items-center gap-4 px-4">
          <Link href="/" className={`rounded font-bold tracking-tight text-brand-600 dark:text-brand-100 ${focusRing}`}>
            Yardstick
          </Link>
          <nav aria-label="Main" className="flex-1">
            <Link
              href="/projects"
              className={`rounded px-2 py-1 text-sm font-medium text-gray-800 hover:underline dark:text-gray-200 ${focusRing}`}
            >
              Projects
            </Link>
            <Link
              href="/leaderboard"
              className={`rounded px-2 py-1 text-sm font-medium text-gray-800 hover:underline dark:text-gray-200 ${focusRing}`}
            >
              Leaderboard
            </Link>
            <Link
              href="/docs/api"
              className={`rounded px-2 py-1 text-sm font-medium text-gray-800 hover:underline dark:text-gray-200 ${focusRing}`}
            >
              API docs
            </Link>
          </nav>
          <ThemeToggle />
          <UserMenu username={username} isAdmin={isAdmin} />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-5xl px-4 py-8 focus:outline-none">
        {children}
      </main>
    </div>
  );
}
