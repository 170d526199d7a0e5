import { eq } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { instanceSettings } from "@/db/schema";
import { type Actor, requireInstanceAdmin } from "@/lib/auth/context";

type Settings = { openSignup: boolean; setupTokenHash: string | null };
const defaults: Settings = { openSignup: true, setupTokenHash: null };

export async function getSetting<K extends keyof Settings>(key: K, tx: Executor = db): Promise<Settings[K]> {
  const [row] = await tx.select().from(instanceSettings).where(eq(instanceSettings.key, key));
  return row ? (row.value as Settings[K]) : defaults[key];
}

/** Setting a value to null removes it (jsonb null would read back as SQL NULL). */
export async function setSetting<K extends keyof Settings>(key: K, value: Settings[K], tx: Executor = db): Promise<void> {
  if (value === null) {
    await tx.delete(instanceSettings).where(eq(instanceSettings.key, key));
    return;
  }
  await tx
    .insert(instanceSettings)
    .values({ key, value })
    .onConflictDoUpdate({ target: instanceSettings.key, set: { value, updatedAt: new Date() } });
}

/** Instance admins open or close self-service sign-up. */
export async function setOpenSignup(actor: Actor, open: boolean): Promise<void> {
  requireInstanceAdmin(actor);
  await setSetting("openSignup", open);
}
