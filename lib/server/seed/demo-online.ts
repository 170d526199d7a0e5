import { unitHash } from "@/lib/providers/simulated";
import type { ProjectCtx } from "@/lib/auth/context";
import { createFeedbackKey } from "@/lib/services/feedback/keys";
import { logPreferenceFeedback } from "@/lib/services/feedback/preference";
import { listModels } from "@/lib/services/models/read";
import { ingestInteractions } from "@/lib/services/interactions/ingest";
import { linkFeedbackKey } from "@/lib/services/use-cases/feedback-keys";
import { attachModel } from "@/lib/services/use-cases/models";
import { createUseCase } from "@/lib/services/use-cases/write";
import { SIMULATED_MODELS } from "./catalog";

const QUESTIONS = [
  "How do I reset my password?",
  "Can I change the email on my account?",
  "Where do I find my invoices?",
  "How do I cancel my subscription?",
  "Is there a student discount?",
  "Why was my card declined?",
  "How do I export my data?",
  "Can I add a second user to my plan?",
];

/** The demo's online half: a use case served by the two simulated models, with a few hundred rated interactions. */
export async function seedDemoOnline(ctx: ProjectCtx, count = 300): Promise<void> {
  await createUseCase(ctx, { key: "assistant", name: "Support assistant", description: "Answers customer questions (demo traffic)." });
  const [strong, weak] = SIMULATED_MODELS.map((m) => ({ key: m.key })) as [{ key: string }, { key: string }];
  const models = (await listModels(ctx, { in_project: "true" }, { page: 1, per_page: 50 })).items;
  for (const m of [strong, weak]) {
    const id = models.find((x) => x.key === m.key)?.id;
    if (id) await attachModel(ctx, "assistant", { model_id: id, online: true });
  }
  await createFeedbackKey(ctx, {
    key: "thumbs_up",
    kind: "bool",
    scoring_type: "higher_is_better",
    name: "Thumbs up",
    description: "1 when the user liked the answer",
  });
  await createFeedbackKey(ctx, {
    key: "rating",
    kind: "scalar",
    scoring_type: "higher_is_better",
    name: "Rating",
    description: "1 to 5 stars",
  });
  for (const key of ["thumbs_up", "rating"]) await linkFeedbackKey(ctx, "assistant", key);

  const now = Date.now();
  const items = Array.from({ length: count }, (_, i) => {
    const h = (tag: string) => unitHash(`demo-online:${tag}:${i}`);
    const isStrong = h("model") < 0.6;
    const liked = h("liked") < (isStrong ? 0.8 : 0.55);
    const stars = Math.min(5, Math.max(1, Math.round((isStrong ? 4 : 3.3) + (h("stars") - 0.5) * 3)));
    const question = QUESTIONS[Math.floor(h("q") * QUESTIONS.length)] as string;
    const feedbacks = [
      ...(h("rated") < 0.7 ? [{ feedback_key: "thumbs_up", value: liked }] : []),
      ...(h("starred") < 0.4 ? [{ feedback_key: "rating", value: stars }] : []),
    ];
    return {
      model: isStrong ? strong.key : weak.key,
      messages: [{ role: "user", content: question }],
      completion: `${liked ? "Sure:" : "I think"} ${question.replace(/\?$/, "").toLowerCase()} is covered in Settings → Account.`,
      labels: { channel: h("channel") < 0.5 ? "web" : "mobile" },
      user: `customer-${Math.floor(h("user") * 40)}`,
      created_at: new Date(now - Math.floor(h("when") * 14 * 86_400_000)).toISOString(),
      feedbacks,
    };
  });
  const { ids } = await ingestInteractions(ctx, { use_case: "assistant", interactions: items });
  // Side-by-side judgements: the strong model's answer against the weak one's on the same question.
  for (let i = 0; i + 1 < ids.length && i < 60; i += 2) {
    const [a, b] = [ids[i], ids[i + 1]];
    if (!a || !b || items[i]?.model === items[i + 1]?.model) continue;
    const strongFirst = items[i]?.model === strong.key;
    const strongWins = unitHash(`demo-online:pref:${i}`) < 0.7;
    const [preferred, other] = strongFirst === strongWins ? [a, b] : [b, a];
    await logPreferenceFeedback(ctx, { feedback_key: "thumbs_up", preferred_completion: preferred, other_completion: other, tied: false });
  }
}
