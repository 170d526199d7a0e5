import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Section } from "@/components/ui/card";
import { linkClass } from "@/components/ui/styles";
import type { ProjectCtx } from "@/lib/auth/context";
import { listSchedules } from "@/lib/services/schedules/read";
import { LocalTime } from "./local-time";

/** The schedules that run one model or one benchmark, for its page. */
export async function SchedulesFor({ ctx, filter }: { ctx: ProjectCtx; filter: { model_id: string } | { benchmark_id: string } }) {
  const schedules = await listSchedules(ctx, filter);
  return (
    <Section title="Schedules" description="Recurring runs that include this one.">
      {schedules.length ? (
        <ul className="space-y-2 text-sm">
          {schedules.map((s) => (
            <li key={s.id} className="flex flex-wrap items-center gap-2">
              <Link className={linkClass} href={`/${ctx.project.key}/schedules/${s.id}`}>
                {s.name}
              </Link>
              <span>{s.cadence_text}</span>
              {s.paused ? (
                <Badge tone="amber">Paused</Badge>
              ) : (
                <span className="text-gray-700 dark:text-gray-300">
                  next <LocalTime iso={s.next_occurrence} />
                </span>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-gray-700 dark:text-gray-300">
          Not scheduled.{" "}
          <Link className={linkClass} href={`/${ctx.project.key}/schedules/new`}>
            Create a schedule
          </Link>
        </p>
      )}
    </Section>
  );
}
