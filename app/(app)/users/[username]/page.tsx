import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AccountShell } from "@/components/shell/account-shell";
import { signedInActor } from "@/components/shell/load-project";
import { Card } from "@/components/ui/card";
import { Markdown } from "@/components/ui/markdown";
import { AppError } from "@/lib/errors";
import { getPublicProfile } from "@/lib/services/users/profile";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Profile" };

async function load(actor: Awaited<ReturnType<typeof signedInActor>>, username: string) {
  try {
    return await getPublicProfile(actor, username);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

export default async function UserPage({ params }: { params: Promise<{ username: string }> }) {
  const actor = await signedInActor();
  const user = await load(actor, decodeURIComponent((await params).username));
  return (
    <AccountShell username={actor.username} isAdmin={actor.isAdmin}>
      <Card>
        <div className="flex items-center gap-4">
          {user.avatarUrl ? (
            // biome-ignore lint/performance/noImgElement: avatars are arbitrary user-supplied URLs, not optimisable assets
            <img
              src={user.avatarUrl}
              alt=""
              width={64}
              height={64}
              referrerPolicy="no-referrer"
              className="h-16 w-16 rounded-full object-cover"
            />
          ) : (
            <span
              aria-hidden="true"
              className="flex h-16 w-16 items-center justify-center rounded-full bg-brand-100 text-xl font-bold text-brand-700"
            >
              {user.username.slice(0, 1).toUpperCase()}
            </span>
          )}
          <div className="min-w-0">
            <h1 className="break-words text-2xl font-bold">{user.fullName || user.username}</h1>
            <p className="text-sm text-gray-700 dark:text-gray-300">
              @{user.username}
              {user.email ? ` · ${user.email}` : ""}
            </p>
          </div>
        </div>
        <section aria-labelledby="bio-heading" className="mt-6">
          <h2 id="bio-heading" className="mb-2 text-lg font-semibold">
            About
          </h2>
          {user.bio ? <Markdown>{user.bio}</Markdown> : <p className="text-sm text-gray-700 dark:text-gray-300">No bio yet.</p>}
        </section>
      </Card>
    </AccountShell>
  );
}
