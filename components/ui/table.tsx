import type { ReactNode, ThHTMLAttributes, TdHTMLAttributes } from "react";
import { focusRing } from "./styles";

export function Table({ caption, children }: { caption: string; children: ReactNode }) {
  return (
    // Focusable so keyboard users can scroll a table wider than the screen.
    <section
      aria-label={caption}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: scrollable region needs keyboard access (WCAG 2.1.1)
      tabIndex={0}
      className={`overflow-x-auto rounded-lg border border-gray-200 bg-white dark:border-gray-800 dark:bg-gray-900 ${focusRing}`}
    >
      <table className="min-w-full divide-y divide-gray-200 text-left text-sm dark:divide-gray-800">
        <caption className="sr-only">{caption}</caption>
        {children}
      </table>
    </section>
  );
}

export function Th({ className = "", ...rest }: ThHTMLAttributes<HTMLTableCellElement>) {
  return (
    <th
      scope="col"
      className={`whitespace-nowrap bg-gray-50 px-4 py-2.5 text-xs font-semibold uppercase tracking-wide text-gray-700 dark:bg-gray-800 dark:text-gray-300 ${className}`}
      {...rest}
    />
  );
}

export function Td({ className = "", ...rest }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={`px-4 py-3 align-top text-gray-900 dark:text-gray-100 ${className}`} {...rest} />;
}

export function Tr({ children }: { children: ReactNode }) {
  return <tr className="border-t border-gray-200 dark:border-gray-800">{children}</tr>;
}
