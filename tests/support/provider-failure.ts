import { expect } from "vitest";
import { ProviderError } from "@/lib/providers/chat-client";

export type Failure = ProviderError & { attempts?: number };

/** Awaits a call that must fail with a ProviderError and returns it for further assertions. */
export async function providerFailure(promise: Promise<unknown>): Promise<Failure> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as Failure;
}
