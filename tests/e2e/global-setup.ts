import { startFakeOpenAI } from "../support/fake-openai";

// A fake OpenAI-compatible endpoint on 127.0.0.1 for the whole run; tests read its URL from the env.
export default async function globalSetup() {
  const fake = await startFakeOpenAI({ requireApiKey: "sk-e2e-key-7731", latencyMs: 20 });
  process.env.E2E_FAKE_OPENAI_URL = fake.url;
  return () => fake.close();
}
