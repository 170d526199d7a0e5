import type { ReactNode } from "react";

export function Card({ children, className = "" }: { children: ReactNode; className?: string }) {
  return (
    <div className={`rounded-lg border border-gray-200 bg-white p-5 shadow-sm dark:border-gray-800 dark:bg-gray-900 ${className}`}>
      {children}
    </div>
  );
}

export function Section({ title, description, children }: { title: string; description?: ReactNode; children?: ReactNode }) {
  return (
    <Card>
      <section aria-label={title} className="space-y-4">
        <div>
          <h2 className="text-lg font-semibold">{title}</h2>
          {description ? <p className="mt-1 text-sm text-gray-700 dark:text-gray-300">{description}</p> : null}
        </div>
        {children}
      </section>
    </Card>
  );
}
