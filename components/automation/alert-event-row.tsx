import Link from "next/link";
import { LocalTime } from "@/components/automation/local-time";
import { linkClass } from "@/components/ui/styles";
import { Td, Tr } from "@/components/ui/table";
import { isAbEvidence } from "@/db/schema/automation";
import type { listAlertEvents } from "@/lib/services/alerts/read";

type AlertEventItem = Awaited<ReturnType<typeof listAlertEvents>>["items"][number];

const ci = (interval: [number, number] | null | undefined) => (interval ? ` [${interval[0].toFixed(3)}, ${interval[1].toFixed(3)}]` : "");
const muted = "text-xs text-gray-700 dark:text-gray-300";

/** One event: what it is about (a run, with a comparison link for regressions, or an A/B test) and its evidence. */
export function AlertEventRow({ base, event: e }: { base: string; event: AlertEventItem }) {
  const ev = e.evidence;
  return (
    <Tr>
      <Td>
        <LocalTime iso={e.created_at} />
      </Td>
      {isAbEvidence(ev) ? (
        <>
          <Td>
            <Link className={linkClass} href={ev.link}>
              A/B test {ev.ab_test.key}
            </Link>
          </Td>
          <Td>
            {ev.statement}
            <ul className={muted}>
              {ev.arms.map((a) => (
                <li key={a.arm}>
                  {a.arm} ({a.model}): assigned {a.assigned}, n = {a.n}
                  {a.value === null ? "" : `, mean ${a.value.toFixed(3)}${ci(a.ci)}`}
                </li>
              ))}
              <li>SRM p = {ev.srm.p.toPrecision(2)}</li>
            </ul>
          </Td>
        </>
      ) : (
        <>
          <Td>
            <Link className={linkClass} href={`${base}/runs/${e.run_id}`}>
              {e.model?.name ?? "run"} · {e.benchmark?.name ?? ""}
            </Link>
            {ev.previous_run_id ? (
              <>
                {" "}
                <Link className={linkClass} href={`${base}/compare?runs=${ev.previous_run_id}&runs=${e.run_id}`}>
                  compare
                </Link>
              </>
            ) : null}
          </Td>
          <Td>
            {ev.statement}
            <p className={muted}>
              n = {ev.n ?? "—"}
              {ev.difference ? `, difference ${ev.difference.value.toFixed(3)}${ci(ev.difference.ci)}` : ci(ev.ci)}
              {ev.p != null ? `, p = ${ev.p.toPrecision(2)}` : ""}
            </p>
          </Td>
        </>
      )}
    </Tr>
  );
}
