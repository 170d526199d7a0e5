const formatter = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** Server-rendered dates in UTC, so the output does not depend on the server's time zone. */
export function formatDate(value: Date | string | null | undefined, empty = "—"): string {
  if (value == null) return empty;
  return `${formatter.format(new Date(value))} UTC`;
}
