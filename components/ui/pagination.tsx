import Link from "next/link";
import { buttonClass } from "./button";

/** Prev/next links that keep the other query parameters, so filtered views stay linkable. */
export function Pagination({
  page,
  perPage,
  count,
  href,
}: {
  page: number;
  perPage: number;
  count: number;
  href: (page: number) => string;
}) {
  const pages = Math.max(1, Math.ceil(count / perPage));
  if (pages <= 1) return null;
  const disabled = `${buttonClass("secondary", "sm")} pointer-events-none opacity-60`;
  return (
    <nav aria-label="Pagination" className="mt-4 flex items-center justify-between gap-4 text-sm">
      <p className="text-gray-700 dark:text-gray-300">
        Page {page} of {pages} · {count} total
      </p>
      <div className="flex gap-2">
        {page > 1 ? (
          <Link className={buttonClass("secondary", "sm")} href={href(page - 1)} rel="prev">
            Previous
          </Link>
        ) : (
          <span aria-disabled="true" className={disabled}>
            Previous
          </span>
        )}
        {page < pages ? (
          <Link className={buttonClass("secondary", "sm")} href={href(page + 1)} rel="next">
            Next
          </Link>
        ) : (
          <span aria-disabled="true" className={disabled}>
            Next
          </span>
        )}
      </div>
    </nav>
  );
}
