"use client";

import { useEffect, useState } from "react";

/** A moment in the viewer's own time zone; UTC until the browser has rendered (the server does not know the zone). */
export function LocalTime({ iso, empty = "—" }: { iso: string | null; empty?: string }) {
  const [text, setText] = useState<string | null>(null);
  useEffect(() => {
    if (iso)
      setText(
        new Date(iso).toLocaleString(undefined, {
          day: "numeric",
          month: "short",
          year: "numeric",
          hour: "2-digit",
          minute: "2-digit",
          timeZoneName: "short",
        }),
      );
  }, [iso]);
  if (!iso) return <>{empty}</>;
  return <time dateTime={iso}>{text ?? `${iso.slice(0, 16).replace("T", " ")} UTC`}</time>;
}
