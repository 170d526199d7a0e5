import { ChipGroup } from "./chips";

type Scope = { type?: "public" | "custom"; in_project?: "true" };

/** The "In this project" and "Public / Custom" chips that the model and benchmark lists share. */
export function ScopeChips({ noun, filters, href }: { noun: string; filters: Scope; href: (change: Scope) => string }) {
  return (
    <>
      <ChipGroup
        label="Show"
        chips={[
          { label: `All ${noun}`, href: href({ in_project: undefined }), active: !filters.in_project },
          { label: "In this project", href: href({ in_project: "true" }), active: !!filters.in_project },
        ]}
      />
      <ChipGroup
        label="Type"
        chips={[
          { label: "All", href: href({ type: undefined }), active: !filters.type },
          { label: "Public", href: href({ type: "public" }), active: filters.type === "public" },
          { label: "Custom", href: href({ type: "custom" }), active: filters.type === "custom" },
        ]}
      />
    </>
  );
}
