import type { ReactElement, ReactNode } from "react";
import { ResponsiveContainer } from "recharts";

/**
 * A chart as a captioned figure that fills its width. Decorative for screen readers: every page shows
 * the same numbers in a table, so the figure carries only its caption.
 */
export function ChartFigure({
  title,
  height = "h-64",
  children,
}: {
  title: ReactNode;
  height?: "h-48" | "h-56" | "h-64";
  children: ReactElement;
}) {
  return (
    <figure className="text-gray-700 dark:text-gray-300">
      <figcaption className="mb-2 text-sm font-medium text-gray-900 dark:text-gray-100">{title}</figcaption>
      <div aria-hidden="true" className={`${height} w-full`}>
        <ResponsiveContainer width="100%" height="100%">
          {children}
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
