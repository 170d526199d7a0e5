import { z } from "zod";
import { userRoute } from "@/lib/http/route";
import { listNotifications, markNotificationsRead } from "@/lib/services/subscriptions/notifications";

/** The caller's in-app notifications (the bell), across their projects. */
export const GET = userRoute({}, ({ actor }) => listNotifications(actor));

const MarkRead = z.object({ ids: z.array(z.uuid()).max(200).optional().describe("All unread when unset") });

export const POST = userRoute({ body: MarkRead, status: 204 }, ({ actor, body }) => markNotificationsRead(actor, body.ids));
