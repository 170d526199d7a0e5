import type { Metadata } from "next";
import Link from "next/link";
import { AccountForm } from "@/components/auth/account-form";
import { linkClass } from "@/components/ui/styles";
import { setupAvailable } from "@/lib/services/users/setup";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Set up Yardstick" };

export default async function SetupPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token } = await searchParams;
  const available = await setupAvailable();
  return (
    <>
      <h1 className="mb-2 text-xl font-bold">Set up this instance</h1>
      {available ? (
        <>
          <p className="mb-4 text-sm text-gray-700 dark:text-gray-300">
            Choose the administrator&apos;s username, email and password. They replace the generated demo credentials.
          </p>
          <AccountForm mode="setup" token={typeof token === "string" && token ? token : undefined} />
        </>
      ) : (
        <p className="text-sm text-gray-700 dark:text-gray-300">
          This instance has already been set up.{" "}
          <Link className={linkClass} href="/login">
            Sign in
          </Link>
        </p>
      )}
    </>
  );
}
