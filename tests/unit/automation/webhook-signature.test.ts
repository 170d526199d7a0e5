import { describe, expect, it } from "vitest";
import { signWebhook, verifyWebhook } from "@/lib/automation/webhook-signature";

const body = '{"id":"e1","type":"run.completed"}';

describe("webhook signatures", () => {
  it("match an HMAC-SHA256 computed independently", () => {
    // printf '%s' '1700000000.{"id":"e1","type":"run.completed"}' | openssl dgst -sha256 -hmac 'whsec_test'
    expect(signWebhook("whsec_test", 1_700_000_000, body)).toBe(
      "t=1700000000,v1=c133397f22acb96ade265c69470f607b79ec5881d33d0000c1b67d8b2f9e013e",
    );
  });

  it("verify only the same secret, body and a fresh timestamp", () => {
    const now = 1_700_000_000_000;
    const header = signWebhook("whsec_test", now / 1000, body);
    expect(verifyWebhook("whsec_test", header, body, 300, now)).toBe(true);
    expect(verifyWebhook("whsec_other", header, body, 300, now)).toBe(false);
    expect(verifyWebhook("whsec_test", header, `${body} `, 300, now)).toBe(false);
    expect(verifyWebhook("whsec_test", header, body, 300, now + 301_000)).toBe(false);
    expect(verifyWebhook("whsec_test", "t=1700000000,v1=00", body, 300, now)).toBe(false);
    expect(verifyWebhook("whsec_test", "garbage", body, 300, now)).toBe(false);
  });
});
