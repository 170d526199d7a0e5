import { randomUUID } from "node:crypto";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authSecret, env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { requestClientIp } from "@/lib/http/client-ip";
import { authenticate } from "@/lib/services/users/authenticate";

export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: 30 * 24 * 3600 },
    // Secure cookies whenever the public URL is HTTPS; next-auth sets HttpOnly and SameSite=Lax.
    useSecureCookies: env().NEXTAUTH_URL?.startsWith("https://") ?? false,
    pages: { signIn: "/login" },
    providers: [
      CredentialsProvider({
        name: "Password",
        credentials: { login: { label: "Email or username", type: "text" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          try {
            const user = await authenticate(
              credentials?.login ?? "",
              credentials?.password ?? "",
              requestClientIp(req?.headers, env().YARDSTICK_TRUSTED_PROXIES),
            );
            return { id: user.id, name: user.username, email: user.email };
          } catch (error) {
            // next-auth puts the message of a thrown error in the sign-in redirect URL: only ours are safe to show.
            if (error instanceof AppError) throw new Error(error.message);
            const requestId = randomUUID();
            console.error(`[${requestId}] sign-in failed`, error);
            throw new Error(`Something went wrong on our side (request ${requestId})`);
          }
        },
      }),
    ],
    callbacks: {
      session({ session, token }) {
        if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
        return session;
      },
    },
  };
}
