import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { OpenSignupForm } from "@/components/settings/open-signup-form";
import { AccountShell } from "@/components/shell/account-shell";
import { signedInActor } from "@/components/shell/load-project";
import { Section } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getSetting } from "@/lib/services/instance";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Instance admin" };

export default async function AdminPage() {
  const actor = await signedInActor();
  if (!actor.isAdmin) notFound();
  const open = await getSetting("openSignup");
  return (
    <AccountShell username={actor.username} isAdmin={actor.isAdmin}>
      <PageHeader title="Instance admin" description="Settings that apply to every project on this Yardstick instance." />
      <Section title="Sign-up" description={`Self-service sign-up is currently ${open ? "open" : "closed"}.`}>
        <OpenSignupForm open={open} />
      </Section>
    </AccountShell>
  );
}
