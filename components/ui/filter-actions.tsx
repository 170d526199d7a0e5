import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClass } from "./button";
import { linkClass } from "./styles";

/** A GET filter form's submit button, with a link back to the unfiltered view while filters apply. */
export function FilterActions({
  label = "Filter",
  clearHref,
  clearLabel = "Clear filters",
  children,
}: {
  label?: string;
  clearHref: string | null;
  clearLabel?: string;
  children?: ReactNode;
}) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      {children}
      <button type="submit" className={buttonClass("secondary")}>
        {label}
      </button>
      {clearHref ? (
        <Link className={`${linkClass} text-sm`} href={clearHref}>
          {clearLabel}
        </Link>
      ) : null}
    </div>
  );
}
