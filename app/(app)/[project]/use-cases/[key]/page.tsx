import type { Metadata } from "next";
import { AttachedModels } from "@/components/online/attached-models";
import { FeedbackKeyForm } from "@/components/online/feedback-key-form";
import { FeedbackStats, WinRates } from "@/components/online/feedback-stats";
import { FeedbackTrendChart } from "@/components/online/feedback-trend-chart";
import { RecentFeedback } from "@/components/online/recent-feedback";
import { TrafficChart } from "@/components/online/traffic-chart";
import { loadProject } from "@/components/shell/load-project";
import { orNotFound } from "@/components/shell/or-not-found";
import { ButtonLink } from "@/components/ui/button";
import { Section } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { atLeast } from "@/lib/auth/roles";
import { listMetricFeedback } from "@/lib/services/feedback/metric";
import { listPreferenceFeedback } from "@/lib/services/feedback/preference";
import { listModels } from "@/lib/services/models/read";
import { useCaseOverview } from "@/lib/services/use-cases/overview";
import { getUseCase } from "@/lib/services/use-cases/read";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Use case" };

export default async function UseCasePage({ params }: { params: Promise<{ project: string; key: string }> }) {
  const { project, key } = await params;
  const ctx = await loadProject(project);
  const useCase = await orNotFound(() => getUseCase(ctx, key));
  const canManage = atLeast(ctx.role, "admin");
  const recent = { use_case: key };
  const [overview, models, metric, preference] = await Promise.all([
    useCaseOverview(ctx, key),
    canManage ? listModels(ctx, { in_project: "true" }, { page: 1, per_page: 200 }) : null,
    listMetricFeedback(ctx, recent, { page: 1, per_page: 10 }),
    listPreferenceFeedback(ctx, recent, { page: 1, per_page: 10 }),
  ]);
  const trendKeys = [...new Set(overview.feedback_over_time.map((p) => p.feedback_key))].sort();
  const base = `/${ctx.project.key}`;
  return (
    <div className="space-y-6">
      <PageHeader
        title={useCase.name}
        description={useCase.description || <span className="font-mono">{useCase.key}</span>}
        actions={
          <>
            <ButtonLink href={`${base}/use-cases/${useCase.key}/chat`}>Open chat</ButtonLink>
            <ButtonLink variant="secondary" href={`${base}/interactions?use_case=${useCase.key}`}>
              Interactions
            </ButtonLink>
          </>
        }
      />
      <Section
        title="Models"
        description="The default model answers requests for model “default”; fallback models are tried in order when a provider fails."
      >
        <AttachedModels
          projectKey={ctx.project.key}
          useCaseKey={useCase.key}
          attached={useCase.models}
          available={(models?.items ?? []).filter((m) => !m.needs_endpoint)}
          canManage={canManage}
        />
      </Section>
      <Section title="Traffic">
        {overview.traffic.length ? (
          <TrafficChart points={overview.traffic} />
        ) : (
          <p className="text-sm text-gray-700 dark:text-gray-300">No calls in the last 30 days.</p>
        )}
      </Section>
      <Section title="Feedback" description={`Linked keys: ${useCase.feedback_keys.join(", ") || "none yet"}.`}>
        <FeedbackStats groups={overview.models} />
        <div className="grid gap-6 lg:grid-cols-2">
          {trendKeys.map((k) => (
            <FeedbackTrendChart key={k} feedbackKey={k} points={overview.feedback_over_time.filter((p) => p.feedback_key === k)} />
          ))}
        </div>
        <WinRates rates={overview.win_rates} />
        {metric.items.length || preference.items.length ? <RecentFeedback metric={metric.items} preference={preference.items} /> : null}
        {canManage ? <FeedbackKeyForm projectKey={ctx.project.key} useCaseKey={useCase.key} /> : null}
      </Section>
    </div>
  );
}
