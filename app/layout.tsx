import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { env } from "@/lib/env";
import "./globals.css";
import { Providers } from "./providers";

const description = "Self-hosted dashboard for evaluating AI models";
const image = { url: "/og-image.png", width: 1200, height: 630, alt: "Yardstick: evaluate AI models on your own benchmarks" };

// Per request, so link previews get absolute image URLs from the deployment's own address.
export function generateMetadata(): Metadata {
  return {
    metadataBase: new URL(env().NEXTAUTH_URL ?? "http://localhost:3000"),
    title: { default: "Yardstick", template: "%s · Yardstick" },
    description,
    icons: { icon: [{ url: "/favicon.svg", type: "image/svg+xml" }], apple: "/apple-touch-icon.png" },
    openGraph: { siteName: "Yardstick", title: "Yardstick", description, images: [image] },
    twitter: { card: "summary_large_image", title: "Yardstick", description, images: [image.url] },
  };
}

// Runs before first paint so a dark-mode user never sees a white flash.
const themeScript = `(function(){try{var t=localStorage.getItem("theme");var d=t?t==="dark":window.matchMedia("(prefers-color-scheme: dark)").matches;document.documentElement.classList.toggle("dark",d);}catch(e){}})();`;

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The middleware's per-request CSP nonce; reading it renders every page dynamically, as nonces require.
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: static theme bootstrap, no user content */}
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body className="bg-gray-50 text-gray-900 antialiased dark:bg-gray-950 dark:text-gray-100">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
