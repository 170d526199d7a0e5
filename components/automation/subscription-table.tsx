import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { linkClass } from "@/components/ui/styles";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import type { listSubscriptions } from "@/lib/services/subscriptions/read";
import { UnsubscribeButton } from "./unsubscribe-button";

type Subscription = Awaited<ReturnType<typeof listSubscriptions>>[number];

const KIND_LABELS = { in_app: "In app", webhook: "Webhook", email: "Email" } as const;

/** Subscriptions with their delivery logs; members may unsubscribe any of the project's. */
export function SubscriptionTable({
  projectKey,
  items,
  names,
  canEdit,
}: {
  projectKey: string;
  items: Subscription[];
  names: Map<string, string>;
  canEdit: boolean;
}) {
  return (
    <Table caption="Subscriptions">
      <thead>
        <tr>
          <Th>Destination</Th>
          <Th>Events</Th>
          <Th>Delivery log</Th>
          {canEdit ? <Th>Actions</Th> : null}
        </tr>
      </thead>
      <tbody>
        {items.map((s) => (
          <Tr key={s.id}>
            <Td>
              <Badge tone="blue">{KIND_LABELS[s.kind]}</Badge> <span className="break-all">{s.url ?? s.email ?? ""}</span>
            </Td>
            <Td>
              {s.alert_id
                ? `Alert: ${names.get(s.alert_id) ?? s.alert_id}`
                : `${s.run_events.join(", ")}${s.model_id ? ` of ${names.get(s.model_id) ?? "a model"}` : ""}${s.benchmark_id ? ` on ${names.get(s.benchmark_id) ?? "a benchmark"}` : ""}`}
            </Td>
            <Td>
              {s.kind === "in_app" ? (
                "—"
              ) : (
                <Link className={linkClass} href={`/${projectKey}/subscriptions/${s.id}`}>
                  Deliveries
                </Link>
              )}
            </Td>
            {canEdit ? (
              <Td>
                <UnsubscribeButton projectKey={projectKey} id={s.id} label={s.url ?? s.email ?? KIND_LABELS[s.kind]} />
              </Td>
            ) : null}
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
