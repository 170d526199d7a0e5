import { startFakeOpenAI } from "../support/fake-openai";

// The bench's model endpoint in a process of its own, so serving it does not slow the bench's own
// polling (and vice versa). Prints its URL on the first line; stops on SIGTERM.
startFakeOpenAI({ latencyMs: Number(process.argv[2] ?? 0), answer: () => "pong" }).then((fake) => {
  process.stdout.write(`${fake.url}\n`);
  process.on("SIGTERM", () => void fake.close().then(() => process.exit(0)));
});
