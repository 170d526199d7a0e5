import type { Metadata } from "next";
import { ComingSoon } from "@/components/ui/coming-soon";
import { SplitIcon } from "@/components/ui/icons";

export const metadata: Metadata = { title: "A/B tests" };

export default function Page() {
  return (
    <ComingSoon title="A/B tests" icon={<SplitIcon width={40} height={40} />}>
      Compare two models head to head on the same tasks and see whether the difference is significant.
    </ComingSoon>
  );
}
