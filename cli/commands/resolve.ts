import type { Api } from "../api";
import { CliError, unwrap } from "../api";
import { isUuid } from "../output";

/** A model by id or key (keys contain slashes, so they go through /models/key/…). */
export async function modelId(api: Api, ref: string): Promise<string> {
  if (isUuid(ref)) return ref;
  return unwrap(await api.GET("/api/v1/models/key/{key}", { params: { path: { key: ref } } })).id;
}

/** A benchmark by id or exact key. */
export async function benchmarkId(api: Api, ref: string): Promise<string> {
  if (isUuid(ref)) return ref;
  const page = unwrap(await api.GET("/api/v1/benchmarks", { params: { query: { key: ref, per_page: 200 } } }));
  const match = page.items.find((b) => b.key === ref);
  if (!match) throw new CliError(`No benchmark with key ${ref}`);
  return match.id;
}
