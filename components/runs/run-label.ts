import { formatDate } from "@/components/ui/format-date";
import type { ApiRun } from "./types";

/** How a run is named to people: model, benchmark and version, and when it was made (never its id). */
export const runLabel = (r: Pick<ApiRun, "model" | "benchmark" | "created_at">) =>
  `${r.model.name} on ${r.benchmark.name} v${r.benchmark.version} (${formatDate(r.created_at)})`;
