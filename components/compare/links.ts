/** Compare URLs: runs and filters live in the query string, so every view is a permalink. */
export type CompareState = { runs: readonly string[]; vs?: string; filter?: string; subset?: string; page?: number };

function search(s: CompareState, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const id of s.runs) params.append("runs", id);
  if (s.vs) params.set("vs", s.vs);
  if (s.filter) params.set("filter", s.filter);
  if (s.subset) params.set("subset", s.subset);
  if (s.page && s.page > 1) params.set("page", String(s.page));
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  return params.toString();
}

export const compareHref = (projectKey: string, s: CompareState) => `/${projectKey}/compare?${search(s)}`;

export const compareTaskHref = (projectKey: string, runs: readonly string[], position: number) =>
  `/${projectKey}/compare/tasks/${position}?${search({ runs })}`;

/** The API export for the same view; `project` picks the project for a browser session. */
export const exportHref = (projectKey: string, s: CompareState, format: "csv" | "json") =>
  `/api/v1/compare/export?${search({ ...s, page: undefined }, { format, project: projectKey })}`;
