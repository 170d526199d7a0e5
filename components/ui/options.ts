// Not in field.tsx: that module is client-only, and server components build these lists.
export type Option = { value: string; label: string };

/** Filter selects start with an "Any" choice that sends an empty value. */
export function anyOf(options: Option[]): Option[] {
  return [{ value: "", label: "Any" }, ...options];
}
