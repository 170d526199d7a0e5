import type { Metadata } from "next";
import Link from "next/link";
import { ScheduleTable } from "@/components/automation/schedule-table";
import { loadProject } from "@/components/shell/load-project";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { TextField } from "@/components/ui/field";
import { FilterActions } from "@/components/ui/filter-actions";
import { ClockIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { linkClass } from "@/components/ui/styles";
import { can } from "@/lib/auth/permissions";
import { listSchedules } from "@/lib/services/schedules/read";
import { TagFilter } from "@/lib/validation/tags";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Schedules" };

export default async function SchedulesPage({
  params,
  searchParams,
}: {
  params: Promise<{ project: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await loadProject((await params).project);
  // Invalid tags drop the filter rather than fail the page.
  const tags = TagFilter.safeParse((await searchParams).tag).data ?? [];
  const schedules = await listSchedules(ctx, { tag: tags });
  const canEdit = can(ctx.role, "automation.manage");
  const base = `/${ctx.project.key}/schedules`;
  const create = canEdit ? <ButtonLink href={`${base}/new`}>New schedule</ButtonLink> : null;
  return (
    <>
      <PageHeader
        title="Schedules"
        description="Run models on benchmarks on a cadence. A pair whose previous run is still going is skipped, and the skip is recorded."
        actions={create}
      />
      <section aria-label="Filters" className="mb-6 rounded-lg border border-gray-200 bg-white p-4 dark:border-gray-800 dark:bg-gray-900">
        <form method="get" action={base} className="flex flex-wrap items-end gap-3">
          <TextField label="Tags" name="tag" defaultValue={tags.join(", ")} placeholder="nightly" />
          <FilterActions clearHref={tags.length ? base : null} />
        </form>
      </section>
      {schedules.length ? (
        <ScheduleTable projectKey={ctx.project.key} schedules={schedules} canEdit={canEdit} />
      ) : tags.length ? (
        <EmptyState icon={<ClockIcon width={40} height={40} />} title="No schedules carry these tags">
          Try other tags or{" "}
          <Link className={linkClass} href={base}>
            clear the filter
          </Link>
          .
        </EmptyState>
      ) : (
        <EmptyState icon={<ClockIcon width={40} height={40} />} title="No schedules yet" action={create}>
          {canEdit ? "Evaluate every night or every Monday, and see when a score drops." : "A member of the project can create one."}
        </EmptyState>
      )}
    </>
  );
}
