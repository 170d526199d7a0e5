import type { Metadata } from "next";
import Link from "next/link";
import { ProfileForm } from "@/components/profile/profile-form";
import { AccountShell } from "@/components/shell/account-shell";
import { signedInActor } from "@/components/shell/load-project";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { linkClass } from "@/components/ui/styles";
import { getOwnProfile } from "@/lib/services/users/profile";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Your profile" };

export default async function ProfilePage() {
  const actor = await signedInActor();
  const p = await getOwnProfile(actor);
  return (
    <AccountShell username={actor.username} isAdmin={actor.isAdmin}>
      <PageHeader
        title="Your profile"
        description={
          <>
            Signed in as {p.email}.{" "}
            <Link className={linkClass} href={`/users/${encodeURIComponent(p.username)}`}>
              See your public profile
            </Link>
          </>
        }
      />
      <Card>
        <ProfileForm
          profile={{ username: p.username, fullName: p.fullName, bio: p.bio, avatarUrl: p.avatarUrl, displayOptions: p.displayOptions }}
        />
      </Card>
    </AccountShell>
  );
}
