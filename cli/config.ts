import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";

export type Credentials = { url: string; token: string };

/** Where `login` stores the URL and token: $YARDSTICK_CONFIG, else ~/.config/yardstick/config.json (mode 0600). */
export function configPath(): string {
  return process.env.YARDSTICK_CONFIG || path.join(homedir(), ".config", "yardstick", "config.json");
}

function readStored(): Partial<Credentials> {
  try {
    return JSON.parse(readFileSync(configPath(), "utf8")) as Partial<Credentials>;
  } catch {
    return {};
  }
}

export function storeCredentials(credentials: Credentials): void {
  const file = configPath();
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
}

/** Flags win over YARDSTICK_URL / YARDSTICK_TOKEN, which win over the stored login. */
export function resolveCredentials(flags: { url?: string; token?: string }): Partial<Credentials> {
  const stored = readStored();
  return {
    url: flags.url || process.env.YARDSTICK_URL || stored.url,
    token: flags.token || process.env.YARDSTICK_TOKEN || stored.token,
  };
}
