"use client";

import { usePathname } from "next/navigation";
import { type ReactNode, useEffect, useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { MenuIcon } from "@/components/ui/icons";
import { SkipLink } from "./skip-link";

/** The responsive frame: below md the sidebar hides behind a menu button in the header. */
export function ProjectFrame({
  sidebar,
  headerEnd,
  title,
  children,
}: {
  sidebar: ReactNode;
  headerEnd: ReactNode;
  title: string;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  // biome-ignore lint/correctness/useExhaustiveDependencies: close the mobile menu whenever the route changes
  useEffect(() => setOpen(false), [pathname]);

  return (
    <div className="min-h-screen md:flex">
      <SkipLink />
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: only observes clicks on the links inside, which are keyboard-operable */}
      <aside
        id="sidebar"
        onClick={(e) => {
          if ((e.target as HTMLElement).closest("a")) setOpen(false);
        }}
        aria-label="Sidebar"
        className={`${open ? "block" : "hidden"} border-gray-200 bg-white p-4 max-md:fixed max-md:inset-x-0 max-md:bottom-0 max-md:top-14 max-md:z-40 max-md:overflow-y-auto md:sticky md:top-0 md:block md:h-screen md:w-64 md:shrink-0 md:overflow-y-auto md:border-r print:hidden dark:border-gray-800 dark:bg-gray-900`}
      >
        {sidebar}
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="sticky top-0 z-30 flex h-14 items-center gap-2 border-b border-gray-200 bg-white px-4 print:hidden dark:border-gray-800 dark:bg-gray-900">
          <button
            type="button"
            className={buttonClass("ghost", "sm", "h-9 md:hidden")}
            aria-expanded={open}
            aria-controls="sidebar"
            onClick={() => setOpen((o) => !o)}
          >
            <MenuIcon width={18} height={18} />
            <span className="sr-only">Toggle navigation</span>
          </button>
          <p className="min-w-0 flex-1 truncate text-sm font-semibold">{title}</p>
          {headerEnd}
        </header>
        <main
          id="main"
          tabIndex={-1}
          className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 focus:outline-none md:px-8 print:max-w-none print:p-0"
        >
          {children}
        </main>
      </div>
    </div>
  );
}
