import { Badge } from "@/components/ui/badge";

const TONES = { running: "blue", completed: "green", cancelled: "amber" } as const;
const LABELS = { running: "Running", completed: "Completed", cancelled: "Cancelled" } as const;

export function AbStatusBadge({ status }: { status: keyof typeof TONES }) {
  return <Badge tone={TONES[status]}>{LABELS[status]}</Badge>;
}
