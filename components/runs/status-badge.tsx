import { Badge } from "@/components/ui/badge";
import { STATUS_LABELS } from "./format";
import type { RunStatus } from "./types";

const TONES = { scheduled: "gray", in_progress: "blue", completed: "green", failed: "red", cancelled: "amber" } as const satisfies Record<
  RunStatus,
  string
>;

export function StatusBadge({ status }: { status: RunStatus }) {
  return <Badge tone={TONES[status]}>{STATUS_LABELS[status]}</Badge>;
}
