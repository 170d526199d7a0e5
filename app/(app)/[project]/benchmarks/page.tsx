import type { Metadata } from "next";
import { ComingSoon } from "@/components/ui/coming-soon";
import { ClipboardIcon } from "@/components/ui/icons";

export const metadata: Metadata = { title: "Benchmarks" };

export default function Page() {
  return (
    <ComingSoon title="Benchmarks" icon={<ClipboardIcon width={40} height={40} />}>
      Upload task sets (questions with reference answers) and choose how each answer is scored.
    </ComingSoon>
  );
}
