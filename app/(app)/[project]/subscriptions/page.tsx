import type { Metadata } from "next";
import { SubscriptionForm } from "@/components/automation/subscription-form";
import { SubscriptionTable } from "@/components/automation/subscription-table";
import { loadProject } from "@/components/shell/load-project";
import { Section } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { emailEnabled } from "@/lib/automation/mailer";
import { listAlerts } from "@/lib/services/alerts/read";
import { listBenchmarks } from "@/lib/services/benchmarks/read";
import { listModels } from "@/lib/services/models/read";
import { listSubscriptions } from "@/lib/services/subscriptions/read";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Subscriptions" };

export default async function SubscriptionsPage({ params }: { params: Promise<{ project: string }> }) {
  const ctx = await loadProject((await params).project);
  const [subscriptions, alerts, models, benchmarks] = await Promise.all([
    listSubscriptions(ctx),
    listAlerts(ctx),
    listModels(ctx, { in_project: "true" }, { page: 1, per_page: 200 }),
    listBenchmarks(ctx, { in_project: "true" }, { page: 1, per_page: 200 }),
  ]);
  const names = new Map([...alerts, ...models.items, ...benchmarks.items].map((x) => [x.id, x.name]));
  return (
    <div className="space-y-6">
      <PageHeader
        title="Subscriptions and webhooks"
        description="Where alert and run events go: the bell, a signed webhook (retried with backoff) or email."
      />
      <Section title="All subscriptions">
        {subscriptions.length ? (
          <SubscriptionTable
            projectKey={ctx.project.key}
            canEdit={can(ctx.role, "automation.manage")}
            items={subscriptions}
            names={names}
          />
        ) : (
          <p className="text-sm text-gray-700 dark:text-gray-300">
            No subscriptions yet. Subscribe to an alert from its page, or to run events below.
          </p>
        )}
      </Section>
      {can(ctx.role, "automation.manage") ? (
        <Section
          title="Subscribe to run events"
          description="Runs of the project that complete or fail, optionally of one model or on one benchmark."
        >
          <SubscriptionForm
            projectKey={ctx.project.key}
            models={models.items.map((m) => ({ id: m.id, name: m.name }))}
            benchmarks={benchmarks.items.map((b) => ({ id: b.id, name: b.name }))}
            emailEnabled={emailEnabled()}
          />
        </Section>
      ) : null}
    </div>
  );
}
