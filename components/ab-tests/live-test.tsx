"use client";

import { useQueryClient } from "@tanstack/react-query";
import { cancelAbTestAction } from "@/lib/actions/ab-tests";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/form-message";
import { useAction } from "@/components/ui/use-action";
import { ArmTable } from "./arm-table";
import { verdictText } from "./format";
import { DifferenceOverTime, TrafficShare, ValueOverTime } from "./over-time-charts";
import { StrengthsChart, WinRateHeatmap } from "./preference-charts";
import { AbStatusBadge } from "./status-badge";
import type { ApiAbTest } from "./types";
import { useAbTest } from "./use-ab-test";

function CancelTest({ projectKey, testKey }: { projectKey: string; testKey: string }) {
  const client = useQueryClient();
  const action = useAction(
    () => cancelAbTestAction(projectKey, { key: testKey }),
    () => client.invalidateQueries({ queryKey: ["ab-tests", projectKey, testKey] }),
  );
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button variant="danger" pending={action.pending} onClick={() => action.run(undefined)}>
        Cancel test
      </Button>
      <FormMessage message={action.failure.message} />
    </div>
  );
}

/** A test's verdict, figures and charts, refreshed while it runs. */
export function LiveAbTest({ projectKey, initial, canManage }: { projectKey: string; initial: ApiAbTest; canManage: boolean }) {
  const { data: test, error } = useAbTest(projectKey, initial);
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  return (
    <div className="grid gap-6">
      <Card>
        <div className="flex flex-wrap items-center justify-between gap-3">
          <div className="flex flex-wrap items-center gap-2" aria-live="polite">
            <AbStatusBadge status={test.status} />
            <p className="font-medium">{verdictText(test)}</p>
          </div>
          <div className="flex flex-wrap gap-2">
            {test.feedback_type === "preference" && test.status === "running" ? (
              <ButtonLink variant="secondary" href={`/${projectKey}/ab-tests/${encodeURIComponent(test.key)}/label`}>
                Label side by side
              </ButtonLink>
            ) : null}
            {canManage && test.status === "running" ? <CancelTest projectKey={projectKey} testKey={test.key} /> : null}
          </div>
        </div>
        <p className="mt-2 text-sm text-gray-700 dark:text-gray-300">
          Use case {test.use_case} · {pct(test.traffic_split)} of <code>model: default</code> traffic · {test.feedback_type} feedback on{" "}
          {test.feedback_key} ({test.scoring_type.replaceAll("_", " ")}) · at least {test.min_samples_per_arm} per arm
          {test.max_samples_per_arm ? `, at most ${test.max_samples_per_arm}` : ""} · auto-deploy {test.auto_deploy ? "on" : "off"}
        </p>
        {test.deployed_at ? (
          <FormMessage
            tone="success"
            message={`Auto-deployed: ${test.winner} (${test.arms.find((a) => a.arm === test.winner)?.model}) is now the use case's default model.`}
          />
        ) : null}
        {test.note && test.outcome === "winner" ? <FormMessage message={test.note} /> : null}
        {test.srm.warning ? (
          <FormMessage
            message={`Sample ratio mismatch: the arms' request counts are unlikely under the planned equal split (chi-square p = ${test.srm.p.toExponential(1)}). Check for lost logs or a biased client before trusting the result; auto-deploy is blocked.`}
          />
        ) : null}
        {error ? <FormMessage message={error.message} /> : null}
      </Card>
      <ArmTable test={test} />
      {test.arms.some((a) => a.statement) ? (
        <Card>
          <h2 className="mb-2 text-lg font-semibold">Comparisons with the control</h2>
          <ul className="list-disc pl-5 text-sm">
            {test.arms
              .filter((a) => a.statement)
              .map((a) => (
                <li key={a.arm}>{a.statement}</li>
              ))}
          </ul>
          <p className="mt-2 text-xs text-gray-700 dark:text-gray-300">
            Always-valid intervals stay correct however often this page is looked at; a winner needs its interval against every other arm to
            exclude 0.
          </p>
        </Card>
      ) : null}
      {test.preference ? (
        <Card>
          <StrengthsChart preference={test.preference} />
          <div className="mt-4">
            <WinRateHeatmap preference={test.preference} />
          </div>
        </Card>
      ) : null}
      {test.series.points.length || test.series.traffic.length ? (
        <Card>
          <div className="grid gap-6">
            {test.feedback_type === "metric" && test.series.points.length ? (
              <>
                <ValueOverTime test={test} />
                <DifferenceOverTime test={test} />
              </>
            ) : null}
            {test.series.traffic.length ? <TrafficShare test={test} /> : null}
          </div>
        </Card>
      ) : (
        <Card>
          <p className="text-sm">
            No traffic yet: send chat requests with model: default for use case {test.use_case}, then log feedback on their completion ids.
          </p>
        </Card>
      )}
    </div>
  );
}
