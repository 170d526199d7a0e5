import { Badge } from "@/components/ui/badge";
import type { ApiModel } from "@/lib/services/models/serialize";

export function ModelBadges({ model }: { model: Pick<ApiModel, "type" | "endpoint_type"> }) {
  return (
    <span className="inline-flex flex-wrap gap-1">
      <Badge tone={model.type === "public" ? "blue" : "purple"}>{model.type === "public" ? "Public" : "Custom"}</Badge>
      {model.endpoint_type === "simulated" ? (
        <Badge tone="amber" title="Answers are generated locally; no real model is called">
          Simulated
        </Badge>
      ) : null}
      {model.endpoint_type === "human" ? (
        <Badge tone="green" title="A person's answers, taken in the browser">
          Human baseline
        </Badge>
      ) : null}
      {model.endpoint_type === "none" ? (
        <Badge tone="red" title="Set an API URL before this model can run">
          Needs endpoint
        </Badge>
      ) : null}
    </span>
  );
}
