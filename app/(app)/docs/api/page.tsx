import type { Metadata } from "next";
import { apiDocument } from "@/app/api/v1/openapi.json/paths";
import { OperationCard } from "@/components/api-docs/operation-card";
import { TokenInput, TokenProvider } from "@/components/api-docs/try-it";
import { AccountShell } from "@/components/shell/account-shell";
import { signedInActor } from "@/components/shell/load-project";
import { PageHeader } from "@/components/ui/page-header";
import { linkClass } from "@/components/ui/styles";
import { listOperations } from "@/lib/openapi/operations";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "API reference" };

/** The REST API reference, rendered from the same OpenAPI document GET /api/v1/openapi.json serves. */
export default async function ApiDocsPage() {
  const actor = await signedInActor();
  const operations = listOperations(await apiDocument());
  const tags = [...new Set(operations.map((o) => o.tag))];
  return (
    <AccountShell username={actor.username} isAdmin={actor.isAdmin}>
      <PageHeader
        title="API reference"
        description={`${operations.length} operations. Authenticate with your session or a project token (Authorization: Bearer ys_…); errors are RFC 7807 problem documents.`}
      />
      <p className="mb-4 text-sm">
        <a className={linkClass} href="/api/v1/openapi.json">
          OpenAPI 3.1 document (JSON)
        </a>{" "}
        — for code generators and the <code>yardstick</code> CLI.
      </p>
      <TokenProvider>
        <div className="mb-6 max-w-md">
          <TokenInput />
        </div>
        <nav aria-label="API sections" className="mb-6 flex flex-wrap gap-2 text-sm">
          {tags.map((tag) => (
            <a key={tag} href={`#tag-${tag}`} className={linkClass}>
              {tag}
            </a>
          ))}
        </nav>
        {tags.map((tag) => (
          <section key={tag} id={`tag-${tag}`} aria-labelledby={`tag-${tag}-title`} className="mb-8">
            <h2 id={`tag-${tag}-title`} className="mb-3 text-lg font-semibold">
              {tag}
            </h2>
            <div className="space-y-3">
              {operations
                .filter((o) => o.tag === tag)
                .map((op) => (
                  <OperationCard key={op.id} op={op} />
                ))}
            </div>
          </section>
        ))}
      </TokenProvider>
    </AccountShell>
  );
}
