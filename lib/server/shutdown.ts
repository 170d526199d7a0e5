type Hook = () => Promise<void>;

// On globalThis: Next.js may bundle this module into several chunks, and all must share one registry.
const shared = globalThis as { __yardstickShutdown?: { hooks: Map<string, Hook>; installed: boolean } };
shared.__yardstickShutdown ??= { hooks: new Map(), installed: false };
const registry = shared.__yardstickShutdown;

/** Runs every hook in registration order, each bounded by the remaining time. */
export async function runShutdownHooks(timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (const [name, hook] of registry.hooks) {
    const left = Math.max(0, deadline - Date.now());
    await Promise.race([
      hook().catch((error: unknown) => console.error(`Shutdown hook ${name} failed`, error)),
      new Promise((r) => setTimeout(r, left)),
    ]);
  }
}

/**
 * Work to finish before this process exits on SIGTERM/SIGINT (e.g. buffered writes). The web server runs
 * with NEXT_MANUAL_SIG_HANDLE (see cli.ts), so these handlers, not Next's, decide when it exits.
 */
export function onShutdown(name: string, hook: Hook): void {
  registry.hooks.set(name, hook);
  if (registry.installed) return;
  registry.installed = true;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => void runShutdownHooks().finally(() => process.exit(0)));
  }
}
