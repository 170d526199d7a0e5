import type { Metadata } from "next";
import { ComingSoon } from "@/components/ui/coming-soon";
import { TrophyIcon } from "@/components/ui/icons";

export const metadata: Metadata = { title: "Leaderboard" };

export default function Page() {
  return (
    <ComingSoon title="Leaderboard" icon={<TrophyIcon width={40} height={40} />}>
      Compare every model's scores on each benchmark, with confidence intervals.
    </ComingSoon>
  );
}
