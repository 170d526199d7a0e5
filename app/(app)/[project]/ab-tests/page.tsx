import type { Metadata } from "next";
import Link from "next/link";
import { AbTestTable } from "@/components/ab-tests/ab-test-table";
import { loadProject } from "@/components/shell/load-project";
import { Button, ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { SplitIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { controlClass, linkClass } from "@/components/ui/styles";
import { atLeast } from "@/lib/auth/roles";
import { listAbTests } from "@/lib/services/ab-tests/read";
import { listUseCases } from "@/lib/services/use-cases/read";
import { ListAbTests } from "@/lib/validation/ab-tests";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "A/B tests" };

const PER_PAGE = 25;
const STATUSES = ["running", "completed", "cancelled"] as const;

export default async function AbTestsPage({
  params,
  searchParams,
}: {
  params: Promise<{ project: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await loadProject((await params).project);
  const raw = await searchParams;
  const one = (v: string | string[] | undefined) => (typeof v === "string" && v ? v : undefined);
  const parsed = ListAbTests.safeParse({ status: one(raw.status), use_case: one(raw.use_case) });
  const filters = parsed.success ? parsed.data : {};
  const page = Math.max(1, Number(one(raw.page) ?? 1) || 1);
  const base = `/${ctx.project.key}/ab-tests`;
  const [result, useCases] = await Promise.all([
    listAbTests(ctx, filters, { page, per_page: PER_PAGE }),
    listUseCases(ctx, { page: 1, per_page: 200 }),
  ]);
  const filtered = Boolean(filters.status || filters.use_case);
  const canCreate = atLeast(ctx.role, "admin");
  const createLink = canCreate ? <ButtonLink href={`${base}/new`}>New A/B test</ButtonLink> : null;
  const query = (p: number) =>
    `${base}?${new URLSearchParams({ ...(filters.status ? { status: filters.status } : {}), ...(filters.use_case ? { use_case: filters.use_case } : {}), page: String(p) })}`;

  return (
    <>
      <PageHeader
        title="A/B tests"
        description="Models compared on a share of a use case's live traffic, judged by your users' feedback with always-valid statistics."
        actions={createLink}
      />
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3" aria-label="Filter A/B tests">
        <div>
          <label htmlFor="ab-status" className="mb-1 block text-sm font-medium">
            Status
          </label>
          <select id="ab-status" name="status" defaultValue={filters.status ?? ""} className={controlClass}>
            <option value="">Any</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="ab-use-case" className="mb-1 block text-sm font-medium">
            Use case
          </label>
          <select id="ab-use-case" name="use_case" defaultValue={filters.use_case ?? ""} className={controlClass}>
            <option value="">Any</option>
            {useCases.items.map((u) => (
              <option key={u.key} value={u.key}>
                {u.name}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" variant="secondary">
          Filter
        </Button>
      </form>
      {result.items.length === 0 ? (
        <EmptyState
          icon={<SplitIcon width={40} height={40} />}
          title={filtered ? "No A/B tests match these filters" : "No A/B tests yet"}
          action={filtered ? null : createLink}
        >
          {filtered ? (
            <>
              Try other filters or{" "}
              <Link className={linkClass} href={base}>
                clear them
              </Link>
              .
            </>
          ) : canCreate ? (
            "Split a use case's traffic between its default model and challengers, and let feedback pick the winner."
          ) : (
            "Ask a project admin to start an A/B test."
          )}
        </EmptyState>
      ) : (
        <>
          <AbTestTable tests={result.items} projectKey={ctx.project.key} />
          <Pagination page={result.page} perPage={result.per_page} count={result.count} href={query} />
        </>
      )}
    </>
  );
}
