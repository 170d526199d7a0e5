/** Turns the model form into the action's input: numbers as numbers, empty inputs omitted, JSON parsed. */
export type ModelFormMode = "create" | "edit";

type Read = { input: Record<string, unknown>; errors: Record<string, string> };

export function readModelForm(form: FormData, mode: ModelFormMode, simulated: boolean): Read {
  const input: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  const str = (k: string) => String(form.get(k) ?? "").trim();
  const num = (k: string, errorKey = k): number | undefined => {
    const raw = str(k);
    if (raw === "") return undefined;
    const n = Number(raw);
    if (!Number.isFinite(n)) errors[errorKey] = "Enter a number";
    return n;
  };
  const setIf = (k: string, v: unknown) => {
    if (v !== undefined && v !== "") input[k] = v;
  };

  input.name = str("name");
  input.description = str("description");
  if (mode === "create") {
    input.key = str("key");
    input.endpoint_type = simulated ? "simulated" : "openai";
    if (form.get("public") === "on") input.visibility = "public";
  }
  if (!simulated) {
    setIf("api_url", str("api_url"));
    const apiKey = String(form.get("api_key") ?? "");
    if (mode === "edit" && form.get("remove_api_key") === "on") input.api_key = null;
    else setIf("api_key", apiKey);
  }
  setIf("provider_model", str("provider_model"));
  for (const k of ["max_tokens", "price_input_per_m", "price_output_per_m", "rpm_limit", "tpm_limit", "max_concurrency", "context_window"])
    setIf(k, num(k));

  const payload = str("extra_payload");
  if (payload === "") {
    if (mode === "edit") input.extra_payload = {};
  } else {
    try {
      const parsed: unknown = JSON.parse(payload);
      if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed))
        errors.extra_payload = 'Must be a JSON object, e.g. {"temperature": 0}';
      else input.extra_payload = parsed;
    } catch (error) {
      errors.extra_payload = `Not valid JSON: ${(error as Error).message}`;
    }
  }

  if (simulated) {
    const sim = {
      seed: num("seed", "simulation.seed"),
      accuracy: num("accuracy", "simulation.accuracy"),
      mean: num("latency_mean", "simulation.latencyMs.mean"),
      stddev: num("latency_stddev", "simulation.latencyMs.stddev"),
    };
    const given = Object.values(sim).filter((v) => v !== undefined).length;
    // On edit, leaving all four empty keeps the current settings.
    if (given > 0 || mode === "create") {
      const missing: [keyof typeof sim, string][] = [
        ["seed", "simulation.seed"],
        ["accuracy", "simulation.accuracy"],
        ["mean", "simulation.latencyMs.mean"],
        ["stddev", "simulation.latencyMs.stddev"],
      ];
      for (const [k, path] of missing) if (sim[k] === undefined) errors[path] ??= "Required for a simulated model";
      input.simulation = { seed: sim.seed, accuracy: sim.accuracy, latencyMs: { mean: sim.mean, stddev: sim.stddev } };
    }
  }
  return { input, errors };
}
