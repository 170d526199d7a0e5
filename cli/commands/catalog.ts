import type { Api } from "../api";
import { unwrap } from "../api";
import { printJson, printTable } from "../output";

export async function listModels(api: Api, json: boolean) {
  const page = unwrap(await api.GET("/api/v1/models", { params: { query: { per_page: 200 } } }));
  if (json) return printJson(page.items);
  printTable(page.items, ["key", "name", "id"]);
}

export async function listBenchmarks(api: Api, json: boolean) {
  const page = unwrap(await api.GET("/api/v1/benchmarks", { params: { query: { per_page: 200 } } }));
  if (json) return printJson(page.items);
  printTable(page.items, ["key", "name", "id"]);
}
