import createClient from "openapi-fetch";
import type { paths } from "./api-types";

/** A failure to report and exit with: 1 for a failed gate, 2 for usage, connection or API errors. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

export type Api = ReturnType<typeof createApi>;

/** The typed client: paths, parameters and bodies come from the OpenAPI document, so API changes break this at compile time. */
export function createApi(url: string, token: string) {
  let base: URL;
  try {
    base = new URL(url);
  } catch {
    throw new CliError(`"${url}" is not a URL; set --url or YARDSTICK_URL, e.g. http://localhost:3000`);
  }
  const client = createClient<paths>({ baseUrl: base.origin, headers: { authorization: `Bearer ${token}` } });
  client.use({
    onError: ({ error }) => {
      const cause = (error as Error & { cause?: { code?: string; message?: string } }).cause;
      throw new CliError(`Cannot reach Yardstick at ${base.origin}: ${cause?.code ?? cause?.message ?? (error as Error).message}`);
    },
  });
  return client;
}

type Problem = { status?: number; detail?: string; errors?: { path: string; message: string }[] };

/** The data of a response, or a CliError carrying the problem document's detail and field errors. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error === undefined && result.data !== undefined) return result.data;
  if (result.response.ok) return result.data as T;
  const problem = (result.error ?? {}) as Problem;
  if (result.response.status === 401)
    throw new CliError(
      `The token was refused (401): ${problem.detail ?? "invalid, expired or revoked"}. Run yardstick login, or set YARDSTICK_TOKEN.`,
    );
  const fields = problem.errors?.map((e) => `\n  ${e.path}: ${e.message}`).join("") ?? "";
  throw new CliError(`${result.response.status} ${problem.detail ?? result.response.statusText}${fields}`);
}
