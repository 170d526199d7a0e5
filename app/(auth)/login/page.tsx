import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { linkClass } from "@/components/ui/styles";
import { sessionActor } from "@/lib/auth/session";
import { getSetting } from "@/lib/services/instance";
import { setupAvailable } from "@/lib/services/users/setup";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

/** Only same-site paths, so a crafted ?callbackUrl= cannot send users to another site. */
function safeCallback(value: string | string[] | undefined): string {
  const v = Array.isArray(value) ? value[0] : value;
  return v?.startsWith("/") && !v.startsWith("//") && !v.startsWith("/\\") ? v : "/";
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallback(params.callbackUrl);
  if (await sessionActor()) redirect(callbackUrl);
  const [setup, openSignup] = await Promise.all([setupAvailable(), getSetting("openSignup")]);
  return (
    <>
      <h1 className="mb-4 text-xl font-bold">Sign in</h1>
      <LoginForm callbackUrl={callbackUrl} />
      <div className="mt-6 space-y-2 text-sm text-gray-700 dark:text-gray-300">
        {openSignup ? (
          <p>
            New here?{" "}
            <Link className={linkClass} href="/signup">
              Create an account
            </Link>
          </p>
        ) : null}
        {setup ? (
          <p>
            First time?{" "}
            <Link className={linkClass} href="/setup">
              Set up this instance
            </Link>
          </p>
        ) : null}
      </div>
    </>
  );
}
