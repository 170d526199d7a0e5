import type { Metadata } from "next";
import { ComingSoon } from "@/components/ui/coming-soon";
import { PlayIcon } from "@/components/ui/icons";

export const metadata: Metadata = { title: "Runs" };

export default function Page() {
  return (
    <ComingSoon title="Runs" icon={<PlayIcon width={40} height={40} />}>
      Start evaluation runs of your models on a benchmark and follow their progress, cost and scores.
    </ComingSoon>
  );
}
