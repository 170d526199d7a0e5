import type { Metadata } from "next";
import Link from "next/link";
import { triggerText } from "@/components/automation/trigger-text";
import { loadProject } from "@/components/shell/load-project";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { BellIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { linkClass } from "@/components/ui/styles";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { can } from "@/lib/auth/permissions";
import { listAlerts } from "@/lib/services/alerts/read";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Alerts" };

export default async function AlertsPage({ params }: { params: Promise<{ project: string }> }) {
  const ctx = await loadProject((await params).project);
  const alerts = await listAlerts(ctx);
  const base = `/${ctx.project.key}`;
  const create = can(ctx.role, "automation.manage") ? <ButtonLink href={`${base}/alerts/new`}>New alert</ButtonLink> : null;
  return (
    <>
      <PageHeader
        title="Alerts"
        description="Triggers on completed runs' metrics or a significant regression, and on A/B tests completing or showing a sample ratio mismatch, with a cooldown."
        actions={
          <>
            <ButtonLink href={`${base}/subscriptions`} variant="secondary">
              Subscriptions and webhooks
            </ButtonLink>
            {create}
          </>
        }
      />
      {alerts.length ? (
        <Table caption="Alerts">
          <thead>
            <tr>
              <Th>Name</Th>
              <Th>Triggers</Th>
              <Th>Cooldown</Th>
              <Th>Events</Th>
              <Th>Last fired</Th>
            </tr>
          </thead>
          <tbody>
            {alerts.map((a) => (
              <Tr key={a.id}>
                <Td>
                  <Link className={linkClass} href={`${base}/alerts/${a.id}`}>
                    {a.name}
                  </Link>{" "}
                  {a.enabled ? null : <Badge tone="gray">Disabled</Badge>}
                </Td>
                <Td>
                  <ul>
                    {a.triggers.map((t) => (
                      <li key={t.id}>{triggerText(t)}</li>
                    ))}
                  </ul>
                </Td>
                <Td>{a.cooldown_minutes} min</Td>
                <Td className="tabular-nums">{a.event_count}</Td>
                <Td>{a.last_fired_at ? a.last_fired_at.slice(0, 16).replace("T", " ") : "Never"}</Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      ) : (
        <EmptyState icon={<BellIcon width={40} height={40} />} title="No alerts yet" action={create}>
          Be told when a score drops below a threshold or regresses significantly.
        </EmptyState>
      )}
    </>
  );
}
