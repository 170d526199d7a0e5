import type { Task } from "@/lib/benchmarks/task";

const CAPITALS: [string, string, string[]][] = [
  ["France", "Paris", ["Lyon", "Marseille", "Nice"]],
  ["Japan", "Tokyo", ["Osaka", "Kyoto", "Nagoya"]],
  ["Canada", "Ottawa", ["Toronto", "Vancouver", "Montreal"]],
  ["Australia", "Canberra", ["Sydney", "Melbourne", "Perth"]],
  ["Brazil", "Brasília", ["Rio de Janeiro", "São Paulo", "Salvador"]],
  ["Kenya", "Nairobi", ["Mombasa", "Kisumu", "Nakuru"]],
  ["Turkey", "Ankara", ["Istanbul", "Izmir", "Bursa"]],
  ["Switzerland", "Bern", ["Zurich", "Geneva", "Basel"]],
  ["Vietnam", "Hanoi", ["Ho Chi Minh City", "Da Nang", "Hue"]],
  ["Morocco", "Rabat", ["Casablanca", "Marrakesh", "Fes"]],
];

const FACTS: [string, boolean][] = [
  ["Water boils at 100 °C at sea level.", true],
  ["The Moon is larger than the Earth.", false],
  ["Spiders have eight legs.", true],
  ["Sound travels faster than light.", false],
  ["The Pacific is the largest ocean.", true],
  ["Penguins live mainly in the Arctic.", false],
  ["A year has 12 months.", true],
  ["Bats are birds.", false],
  ["Diamonds are made of carbon.", true],
  ["The Sahara is the coldest desert.", false],
];

const base = { tags: [], redacted: false, metadata: {} };

/** A small mixed benchmark for the demo project, so "Run evaluation" works on a fresh instance. */
export function demoTasks(): Task[] {
  const arithmetic: Task[] = Array.from({ length: 20 }, (_, i) => {
    const a = 7 + i * 3;
    const b = 4 + ((i * 5) % 11);
    return { ...base, type: "qa", input: `What is ${a} + ${b}? Answer with the number only.`, truth: String(a + b), subset: "arithmetic" };
  });
  const geography: Task[] = CAPITALS.map(([country, capital, others]) => ({
    ...base,
    type: "MCQ",
    input: `What is the capital of ${country}?`,
    truth: capital,
    choices: { correct: [capital], incorrect: others },
    subset: "geography",
  }));
  const facts: Task[] = FACTS.map(([statement, truth]) => ({
    ...base,
    type: "bool",
    input: `True or false: ${statement}`,
    truth,
    subset: "facts",
  }));
  return [...arithmetic, ...geography, ...facts];
}
