import { meanAggregate } from "./mean";
import { type Aggregate, DEFAULT_CONFIDENCE } from "./types";
import { wilsonInterval } from "./wilson";

export type Consistency = {
  /** Mean over tasks of the share of samples that gave the task's most common answer. */
  agreement: Aggregate;
  /** Share of tasks whose samples all gave the same answer, with a Wilson interval. */
  unanimous: Aggregate;
};

/** Agreement of repeated samples per task; answers are compared by their JSON text. */
export function consistency(samplesPerTask: readonly (readonly unknown[])[], confidence = DEFAULT_CONFIDENCE): Consistency {
  const tasks = samplesPerTask.filter((samples) => samples.length > 0);
  const shares = tasks.map((samples) => {
    const counts = new Map<string, number>();
    for (const s of samples) counts.set(JSON.stringify(s), (counts.get(JSON.stringify(s)) ?? 0) + 1);
    return Math.max(...counts.values()) / samples.length;
  });
  const unanimousCount = shares.filter((s) => s === 1).length;
  return {
    agreement: { ...meanAggregate(shares, confidence), method: "modal-share-t" },
    unanimous: {
      n: tasks.length,
      value: tasks.length === 0 ? Number.NaN : unanimousCount / tasks.length,
      ci: wilsonInterval(unanimousCount, tasks.length, confidence),
      method: "wilson",
    },
  };
}
