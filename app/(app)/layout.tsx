import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { sessionActor } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  if (!(await sessionActor())) redirect("/login");
  return children;
}
