import Link from "next/link";
import type { ReactNode } from "react";
import { linkClass } from "./styles";

export function EmptyState({
  icon,
  title,
  children,
  action,
}: {
  icon?: ReactNode;
  title: string;
  children?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <div className="flex flex-col items-center justify-center rounded-lg border border-dashed border-gray-400 bg-white px-6 py-12 text-center dark:border-gray-600 dark:bg-gray-900">
      {icon ? (
        <div aria-hidden="true" className="mb-3 text-brand-600 dark:text-brand-100">
          {icon}
        </div>
      ) : null}
      <h2 className="text-base font-semibold">{title}</h2>
      {children ? <p className="mt-1 max-w-md text-sm text-gray-700 dark:text-gray-300">{children}</p> : null}
      {action ? <div className="mt-4">{action}</div> : null}
    </div>
  );
}

/** The empty state's text when filters matched nothing: a way back to the unfiltered list. */
export function ClearFiltersHint({ href }: { href: string }) {
  return (
    <>
      Try another search or{" "}
      <Link className={linkClass} href={href}>
        clear the filters
      </Link>
      .
    </>
  );
}
