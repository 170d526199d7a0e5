import type { ReactNode } from "react";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col items-center justify-center px-4 py-12">
      <header className="mb-6 text-center">
        <p className="flex items-center justify-center gap-2 text-xl font-bold tracking-tight text-brand-600 dark:text-brand-100">
          {/* biome-ignore lint/performance/noImgElement: a 32-pixel static SVG needs no image optimisation */}
          <img src="/favicon.svg" alt="" width={32} height={32} />
          Yardstick
        </p>
        <p className="text-sm text-gray-700 dark:text-gray-300">Evaluate AI models on your own infrastructure</p>
      </header>
      <main
        id="main"
        className="w-full max-w-sm rounded-lg border border-gray-200 bg-white p-6 shadow-sm dark:border-gray-800 dark:bg-gray-900"
      >
        {children}
      </main>
    </div>
  );
}
