import type { Metadata } from "next";
import Link from "next/link";
import { AlertEventRow } from "@/components/automation/alert-event-row";
import { AlertToggle } from "@/components/automation/alert-toggle";
import { DeleteAutomation } from "@/components/automation/delete-automation";
import { SubscriptionForm } from "@/components/automation/subscription-form";
import { SubscriptionTable } from "@/components/automation/subscription-table";
import { triggerText } from "@/components/automation/trigger-text";
import { loadProject } from "@/components/shell/load-project";
import { orNotFound } from "@/components/shell/or-not-found";
import { ButtonLink } from "@/components/ui/button";
import { Section } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { linkClass } from "@/components/ui/styles";
import { Table, Th } from "@/components/ui/table";
import { can } from "@/lib/auth/permissions";
import { emailEnabled } from "@/lib/automation/mailer";
import { getAlert, listAlertEvents } from "@/lib/services/alerts/read";
import { listSubscriptions } from "@/lib/services/subscriptions/read";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Alert" };

export default async function AlertPage({ params }: { params: Promise<{ project: string; id: string }> }) {
  const { project, id } = await params;
  const ctx = await loadProject(project);
  const alert = await orNotFound(() => getAlert(ctx, id));
  const [events, subscriptions] = await Promise.all([
    listAlertEvents(ctx, id, { page: 1, per_page: 50 }),
    listSubscriptions(ctx, { alert_id: id }),
  ]);
  const base = `/${ctx.project.key}`;
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link className={linkClass} href={`${base}/alerts`}>
          ← Alerts
        </Link>
      </p>
      <PageHeader
        title={alert.name}
        description={`Cooldown ${alert.cooldown_minutes} min${alert.enabled ? "" : " · disabled"}`}
        actions={
          can(ctx.role, "automation.manage") ? (
            <>
              <ButtonLink variant="secondary" href={`${base}/alerts/${alert.id}/edit`}>
                Edit
              </ButtonLink>
              <AlertToggle projectKey={ctx.project.key} id={alert.id} enabled={alert.enabled} />
              <DeleteAutomation projectKey={ctx.project.key} kind="alert" id={alert.id} name={alert.name} />
            </>
          ) : null
        }
      />
      <Section title="Triggers">
        <ul className="list-disc pl-5 text-sm">
          {alert.triggers.map((t) => (
            <li key={t.id}>{triggerText(t)}</li>
          ))}
        </ul>
      </Section>
      <Section title="Events" description={`${events.count} in total; the latest 50.`}>
        {events.items.length ? (
          <Table caption="Alert events">
            <thead>
              <tr>
                <Th>When</Th>
                <Th>About</Th>
                <Th>Evidence</Th>
              </tr>
            </thead>
            <tbody>
              {events.items.map((e) => (
                <AlertEventRow key={e.id} base={base} event={e} />
              ))}
            </tbody>
          </Table>
        ) : (
          <p className="text-sm text-gray-700 dark:text-gray-300">Nothing has fired yet.</p>
        )}
      </Section>
      <Section title="Subscriptions" description="Who hears about this alert's events.">
        {subscriptions.length ? (
          <SubscriptionTable
            projectKey={ctx.project.key}
            canEdit={can(ctx.role, "automation.manage")}
            items={subscriptions}
            names={new Map([[alert.id, alert.name]])}
          />
        ) : null}
        {can(ctx.role, "automation.manage") ? (
          <SubscriptionForm projectKey={ctx.project.key} alertId={alert.id} emailEnabled={emailEnabled()} />
        ) : null}
      </Section>
    </div>
  );
}
