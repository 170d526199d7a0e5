import type { Metadata } from "next";
import Link from "next/link";
import { explorerHref, parseExplorerParams } from "@/components/online/explorer-params";
import { InteractionDrawer } from "@/components/online/interaction-drawer";
import { loadProject } from "@/components/shell/load-project";
import { orNotFound } from "@/components/shell/or-not-found";
import { Badge } from "@/components/ui/badge";
import { ClearFiltersHint, EmptyState } from "@/components/ui/empty-state";
import { SelectField, TextField } from "@/components/ui/field";
import { FilterActions } from "@/components/ui/filter-actions";
import { formatDate } from "@/components/ui/format-date";
import { FormMessage } from "@/components/ui/form-message";
import { SplitIcon } from "@/components/ui/icons";
import { anyOf } from "@/components/ui/options";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { linkClass } from "@/components/ui/styles";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { atLeast } from "@/lib/auth/roles";
import { listFeedbackKeys } from "@/lib/services/feedback/keys";
import { getInteraction, listInteractions } from "@/lib/services/interactions/read";
import { listUseCases } from "@/lib/services/use-cases/read";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Interactions" };

const PER_PAGE = 25;
const clip = (text: string | null, n = 120) => (!text ? "—" : text.length > n ? `${text.slice(0, n)}…` : text);

export default async function InteractionsPage({
  params,
  searchParams,
}: {
  params: Promise<{ project: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await loadProject((await params).project);
  const { raw, filters, error, page, selected } = parseExplorerParams(await searchParams);
  const base = `/${ctx.project.key}/interactions`;
  const [result, useCases, keys, detail] = await Promise.all([
    listInteractions(ctx, filters, { page, per_page: PER_PAGE }).catch(() => null),
    listUseCases(ctx, { page: 1, per_page: 200 }),
    listFeedbackKeys(ctx, { page: 1, per_page: 200 }),
    selected ? orNotFound(() => getInteraction(ctx, selected)) : null,
  ]);
  const items = result && "items" in result ? result.items : [];
  const filtered = Object.keys(raw).length > 0;
  const field = (name: string, label: string, extra: Record<string, string> = {}) => (
    <TextField label={label} name={name} defaultValue={raw[name] ?? ""} {...extra} />
  );
  return (
    <div className="space-y-6">
      <PageHeader title="Interactions" description="Every gateway call and every ingested interaction, with its feedback." />
      <form method="get" action={base} aria-label="Filter interactions" className="grid gap-3 sm:grid-cols-3 lg:grid-cols-6">
        <SelectField
          label="Use case"
          name="use_case"
          defaultValue={raw.use_case ?? ""}
          options={anyOf(useCases.items.map((u) => ({ value: u.key, label: u.name })))}
        />
        {field("model", "Model key")}
        {field("user", "User")}
        {field("label", "Label", { placeholder: "key=value" })}
        {field("q", "Text")}
        <SelectField
          label="Feedback"
          name="has_feedback"
          defaultValue={raw.has_feedback ?? ""}
          options={anyOf([
            { value: "true", label: "With feedback" },
            { value: "false", label: "Without feedback" },
          ])}
        />
        <SelectField
          label="Feedback key"
          name="feedback_key"
          defaultValue={raw.feedback_key ?? ""}
          options={anyOf(keys.items.map((k) => ({ value: k.key, label: k.key })))}
        />
        {field("feedback_min", "Value from", { inputMode: "decimal" })}
        {field("feedback_max", "Value to", { inputMode: "decimal" })}
        {field("from", "From", { type: "date" })}
        {field("to", "To", { type: "date" })}
        <SelectField
          label="Status"
          name="status"
          defaultValue={raw.status ?? ""}
          options={anyOf([
            { value: "ok", label: "OK" },
            { value: "error", label: "Error" },
          ])}
        />
        <div className="sm:col-span-3 lg:col-span-6">
          <FilterActions clearHref={filtered ? base : null} />
        </div>
      </form>
      <FormMessage message={error ?? (result ? null : "These filters name a use case or model that does not exist.")} />
      <div className={detail ? "grid gap-6 xl:grid-cols-[1fr_28rem]" : ""}>
        <div>
          {items.length === 0 ? (
            <EmptyState
              icon={<SplitIcon width={40} height={40} />}
              title={filtered ? "No interactions match these filters" : "No interactions yet"}
            >
              {filtered ? <ClearFiltersHint href={base} /> : "Send requests through the gateway or chat with a use case to see them here."}
            </EmptyState>
          ) : (
            <>
              <Table caption="Interactions">
                <thead>
                  <tr>
                    <Th>When</Th>
                    <Th>Model</Th>
                    <Th>Prompt</Th>
                    <Th>Completion</Th>
                    <Th>Latency</Th>
                    <Th>Feedback</Th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((i) => (
                    <Tr key={i.id}>
                      <Td className="whitespace-nowrap">
                        <Link className={linkClass} href={explorerHref(base, raw, { page: page > 1 ? page : undefined, selected: i.id })}>
                          {formatDate(i.created_at)}
                        </Link>
                        <div className="text-xs text-gray-700 dark:text-gray-300">{i.use_case}</div>
                      </Td>
                      <Td className="font-mono text-xs">{i.model}</Td>
                      <Td>{clip(i.prompt)}</Td>
                      <Td>{i.status === "error" ? <Badge tone="red">{clip(i.error, 60)}</Badge> : clip(i.completion)}</Td>
                      <Td className="whitespace-nowrap">{i.latency_ms === null ? "—" : `${i.latency_ms} ms`}</Td>
                      <Td>
                        <div className="flex flex-wrap gap-1">
                          {i.feedback.map((f, n) => (
                            // biome-ignore lint/suspicious/noArrayIndexKey: feedback order is fixed (newest first)
                            <Badge key={n} tone="blue">{`${f.feedback_key}: ${f.value}`}</Badge>
                          ))}
                        </div>
                      </Td>
                    </Tr>
                  ))}
                </tbody>
              </Table>
              <Pagination
                page={page}
                perPage={PER_PAGE}
                count={result && "count" in result ? result.count : 0}
                href={(p) => explorerHref(base, raw, { page: p })}
              />
            </>
          )}
        </div>
        {detail ? (
          <InteractionDrawer
            detail={detail}
            closeHref={explorerHref(base, raw, { page: page > 1 ? page : undefined })}
            projectKey={ctx.project.key}
            keys={keys.items}
            canRate={atLeast(ctx.role, "member")}
          />
        ) : null}
      </div>
    </div>
  );
}
