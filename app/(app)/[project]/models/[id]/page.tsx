import type { Metadata } from "next";
import { SchedulesFor } from "@/components/automation/schedules-for";
import Link from "next/link";
import { DeleteModel } from "@/components/models/delete-model";
import { canEditModel, loadModel } from "@/components/models/load-model";
import { ModelBadges } from "@/components/models/model-badges";
import { ModelDetails } from "@/components/models/model-details";
import { TestConnection } from "@/components/models/test-connection";
import { loadProject } from "@/components/shell/load-project";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Section } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { linkClass } from "@/components/ui/styles";
import { ModelScores } from "@/components/reports/model-scores";
import { TagEditor } from "@/components/tags/tag-editor";
import { can } from "@/lib/auth/permissions";
import { getTags } from "@/lib/services/tags/tags";
import { modelLeaderboard } from "@/lib/services/reports/leaderboard";
import { modelHistory } from "@/lib/services/reports/model-history";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Model" };

export default async function ModelPage({ params }: { params: Promise<{ project: string; id: string }> }) {
  const { project, id } = await params;
  const ctx = await loadProject(project);
  const model = await loadModel(ctx, id);
  const base = `/${ctx.project.key}/models`;
  const canEdit = canEditModel(ctx, model);
  const [board, history, { tags }] = await Promise.all([
    modelLeaderboard(ctx, model.id),
    modelHistory(ctx, model.id),
    getTags(ctx, "model", model.id),
  ]);

  return (
    <>
      <p className="mb-2 text-sm">
        <Link className={linkClass} href={base}>
          ← Models
        </Link>
      </p>
      <PageHeader
        title={model.name}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            <ModelBadges model={model} />
            {model.in_project ? <Badge tone="green">In project</Badge> : null}
          </span>
        }
        actions={
          canEdit ? (
            <>
              <ButtonLink href={`${base}/${model.id}/edit`} variant="secondary">
                Edit
              </ButtonLink>
              <DeleteModel projectKey={ctx.project.key} modelId={model.id} modelName={model.name} />
            </>
          ) : null
        }
      />
      <div className="space-y-6">
        {(model.endpoint_type === "openai" || model.endpoint_type === "simulated") && can(ctx.role, "model.test") ? (
          <Section title="Connection" description="Sends one short chat request through the same client the evaluation worker uses.">
            <TestConnection projectKey={ctx.project.key} modelId={model.id} />
          </Section>
        ) : null}
        {model.endpoint_type === "none" ? (
          <Section
            title="Connection"
            description="This catalog model has no endpoint yet, so it cannot run. An instance administrator can add one."
          />
        ) : null}
        <Section title="Details">
          <ModelDetails model={model} />
        </Section>
        <Section title="Tags" description="This project's labels for the model; a tag opens the leaderboard filtered by it.">
          <TagEditor
            projectKey={ctx.project.key}
            type="model"
            id={model.id}
            tags={tags}
            canEdit={can(ctx.role, "tag.write")}
            filterHref={`/${ctx.project.key}/leaderboard?model_tag=`}
          />
        </Section>
        <ModelScores board={board} history={history} projectKey={ctx.project.key} />
        <SchedulesFor ctx={ctx} filter={{ model_id: model.id }} />
      </div>
    </>
  );
}
