import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AccountForm } from "@/components/auth/account-form";
import { linkClass } from "@/components/ui/styles";
import { sessionActor } from "@/lib/auth/session";
import { getSetting } from "@/lib/services/instance";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Create account" };

export default async function SignUpPage() {
  if (await sessionActor()) redirect("/");
  const open = await getSetting("openSignup");
  return (
    <>
      <h1 className="mb-4 text-xl font-bold">Create account</h1>
      {open ? (
        <AccountForm mode="signup" />
      ) : (
        <p className="text-sm text-gray-700 dark:text-gray-300">
          Sign-up is closed on this instance. Ask an administrator to create an account or to open sign-up.
        </p>
      )}
      <p className="mt-6 text-sm text-gray-700 dark:text-gray-300">
        Already have an account?{" "}
        <Link className={linkClass} href="/login">
          Sign in
        </Link>
      </p>
    </>
  );
}
