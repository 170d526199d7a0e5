/** Shared class strings, so every interactive element gets the same visible focus ring. */
export const focusRing =
  "focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:ring-offset-2 focus-visible:ring-offset-white dark:focus-visible:ring-offset-gray-900";

export const linkClass = `rounded font-medium text-brand-600 underline-offset-2 hover:underline dark:text-brand-100 ${focusRing}`;

export const controlClass = `block w-full rounded-md border border-gray-400 bg-white px-3 py-2 text-sm text-gray-900 placeholder:text-gray-600 disabled:opacity-60 aria-[invalid=true]:border-red-700 dark:border-gray-600 dark:bg-gray-900 dark:text-gray-100 dark:placeholder:text-gray-400 dark:aria-[invalid=true]:border-red-400 ${focusRing}`;
