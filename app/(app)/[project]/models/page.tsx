import type { Metadata } from "next";
import { filtersHref, hasFilters, parseFilters } from "@/components/models/filters";
import { ModelFiltersBar } from "@/components/models/model-filters";
import { ModelTable } from "@/components/models/model-table";
import { loadProject } from "@/components/shell/load-project";
import { ButtonLink } from "@/components/ui/button";
import { ClearFiltersHint, EmptyState } from "@/components/ui/empty-state";
import { CubeIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { can } from "@/lib/auth/permissions";
import { catalogFacets, listModels } from "@/lib/services/models/read";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Models" };

const PER_PAGE = 25;

export default async function ModelsPage({
  params,
  searchParams,
}: {
  params: Promise<{ project: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await loadProject((await params).project);
  const filters = parseFilters(await searchParams);
  const base = `/${ctx.project.key}/models`;
  const [result, facets] = await Promise.all([
    listModels(
      ctx,
      {
        name: filters.q,
        type: filters.type,
        categories: filters.categories,
        companies: filters.companies,
        in_project: filters.in_project,
        tag: filters.tags,
      },
      { page: filters.page, per_page: PER_PAGE },
    ),
    catalogFacets(),
  ]);
  const canManage = can(ctx.role, "model.manage");

  return (
    <>
      <PageHeader
        title="Models"
        description="The public catalog plus this project's custom models. Add the ones you want to evaluate to the project."
        actions={canManage ? <ButtonLink href={`${base}/new`}>New model</ButtonLink> : null}
      />
      <ModelFiltersBar base={base} filters={filters} facets={facets} />
      {result.items.length === 0 ? (
        <EmptyState
          icon={<CubeIcon width={40} height={40} />}
          title={hasFilters(filters) ? "No models match these filters" : "No models yet"}
        >
          {hasFilters(filters) ? (
            <ClearFiltersHint href={base} />
          ) : canManage ? (
            "Create a custom model that points at your own OpenAI-compatible endpoint."
          ) : (
            "Ask a project admin to add models."
          )}
        </EmptyState>
      ) : (
        <>
          <ModelTable models={result.items} projectKey={ctx.project.key} canManage={canManage} />
          <Pagination
            page={result.page}
            perPage={result.per_page}
            count={result.count}
            href={(page) => filtersHref(base, filters, { page })}
          />
        </>
      )}
    </>
  );
}
