"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { BellIcon } from "@/components/ui/icons";
import { focusRing, linkClass } from "@/components/ui/styles";

type Notifications = {
  unread: number;
  items: { id: string; type: string; title: string; link: string; project: string; read: boolean; created_at: string }[];
};

export const notificationsQueryKey = ["notifications"] as const;

async function fetchNotifications(): Promise<Notifications> {
  const res = await fetch("/api/v1/notifications", { cache: "no-store" });
  if (!res.ok) throw new Error(`Could not load notifications (HTTP ${res.status})`);
  return (await res.json()) as Notifications;
}

/** The bell: unread alert and run events for the signed-in user, polled every 15 seconds. */
export function NotificationBell() {
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const panel = useRef<HTMLDivElement>(null);
  const { data } = useQuery({ queryKey: notificationsQueryKey, queryFn: fetchNotifications, refetchInterval: 15_000 });
  const markRead = useMutation({
    mutationFn: () => fetch("/api/v1/notifications", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }),
    onSuccess: () => client.invalidateQueries({ queryKey: notificationsQueryKey }),
  });
  useEffect(() => {
    if (!open) return;
    const close = (e: KeyboardEvent) => e.key === "Escape" && setOpen(false);
    window.addEventListener("keydown", close);
    return () => window.removeEventListener("keydown", close);
  }, [open]);
  const unread = data?.unread ?? 0;
  return (
    <div className="relative" ref={panel}>
      <button
        type="button"
        aria-label={unread ? `Notifications, ${unread} unread` : "Notifications"}
        aria-expanded={open}
        aria-controls="notification-panel"
        onClick={() => setOpen((v) => !v)}
        className={`relative rounded-md p-2 text-gray-800 hover:bg-gray-100 dark:text-gray-200 dark:hover:bg-gray-800 ${focusRing}`}
      >
        <BellIcon width={20} height={20} />
        {unread ? (
          <span
            data-testid="bell-count"
            className="absolute -right-0.5 -top-0.5 min-w-5 rounded-full bg-red-700 px-1 text-center text-xs font-semibold text-white"
          >
            {unread > 99 ? "99+" : unread}
          </span>
        ) : null}
      </button>
      {open ? (
        <div
          id="notification-panel"
          className="absolute right-0 z-20 mt-2 w-80 rounded-lg border border-gray-200 bg-white p-3 shadow-lg dark:border-gray-700 dark:bg-gray-900"
        >
          <div className="mb-2 flex items-center justify-between">
            <h2 className="text-sm font-semibold">Notifications</h2>
            {unread ? (
              <button type="button" className={`text-xs ${linkClass}`} onClick={() => markRead.mutate()}>
                Mark all read
              </button>
            ) : null}
          </div>
          {data?.items.length ? (
            <ul className="max-h-96 space-y-2 overflow-y-auto">
              {data.items.map((n) => (
                <li key={n.id} className={`rounded p-2 text-sm ${n.read ? "" : "bg-brand-50 dark:bg-gray-800"}`}>
                  <Link href={n.link} className={linkClass} onClick={() => setOpen(false)}>
                    {n.title}
                  </Link>
                  <p className="text-xs text-gray-700 dark:text-gray-300">
                    {n.project} · {new Date(n.created_at).toLocaleString()}
                  </p>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-gray-700 dark:text-gray-300">Nothing yet. Subscribe to an alert or to run events to be told here.</p>
          )}
        </div>
      ) : null}
    </div>
  );
}
