import type { Metadata } from "next";
import Link from "next/link";
import { LocalTime } from "@/components/automation/local-time";
import { RedeliverButton } from "@/components/automation/redeliver-button";
import { loadProject } from "@/components/shell/load-project";
import { orNotFound } from "@/components/shell/or-not-found";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { linkClass } from "@/components/ui/styles";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { can } from "@/lib/auth/permissions";
import { getSubscriptionRow, listDeliveries } from "@/lib/services/subscriptions/read";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Delivery log" };

const TONES = { pending: "gray", delivered: "green", failed: "red" } as const;

export default async function DeliveryLogPage({ params }: { params: Promise<{ project: string; id: string }> }) {
  const { project, id } = await params;
  const ctx = await loadProject(project);
  const subscription = await orNotFound(() => getSubscriptionRow(ctx, id));
  const deliveries = await listDeliveries(ctx, id);
  const canEdit = can(ctx.role, "automation.manage");
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link className={linkClass} href={`/${ctx.project.key}/subscriptions`}>
          ← Subscriptions
        </Link>
      </p>
      <PageHeader title="Delivery log" description={subscription.url ?? subscription.email ?? ""} />
      {deliveries.length ? (
        <Table caption="Deliveries">
          <thead>
            <tr>
              <Th>Event</Th>
              <Th>Status</Th>
              <Th>Attempts</Th>
              {canEdit ? <Th>Actions</Th> : null}
            </tr>
          </thead>
          <tbody>
            {deliveries.map((d) => (
              <Tr key={d.id}>
                <Td>
                  {d.title}
                  <p className="text-xs text-gray-700 dark:text-gray-300">
                    {d.event_type} · {d.event_id}
                  </p>
                </Td>
                <Td>
                  <Badge tone={TONES[d.status]}>{d.status}</Badge>
                </Td>
                <Td>
                  <ol className="space-y-0.5 text-xs">
                    {d.attempts.map((a) => (
                      <li key={a.at}>
                        <LocalTime iso={a.at} /> — {a.status_code ?? "no response"}
                        {a.error ? `: ${a.error}` : ""} ({a.duration_ms} ms)
                      </li>
                    ))}
                  </ol>
                </Td>
                {canEdit ? (
                  <Td>
                    <RedeliverButton projectKey={ctx.project.key} subscriptionId={id} deliveryId={d.id} />
                  </Td>
                ) : null}
              </Tr>
            ))}
          </tbody>
        </Table>
      ) : (
        <EmptyState title="No deliveries yet">Events this subscription hears about will be listed here with every attempt.</EmptyState>
      )}
    </div>
  );
}
