"use client";

import Link from "next/link";
import { useId, useState } from "react";
import { setTagsAction } from "@/lib/actions/tags";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { controlClass, focusRing } from "@/components/ui/styles";
import { useAction } from "@/components/ui/use-action";

type Props = { projectKey: string; type: "model" | "benchmark" | "run"; id: string; tags: string[]; canEdit: boolean; filterHref: string };

/** A resource's project tags: each links to `filterHref` + the tag (a filtered list); members add and remove them. */
export function TagEditor({ projectKey, type, id, tags: initial, canEdit, filterHref }: Props) {
  const inputId = useId();
  const [tags, setTags] = useState(initial);
  const [draft, setDraft] = useState("");
  const action = useAction(
    (next: string[]) => setTagsAction(projectKey, { type, id, tags: next }),
    (data) => {
      setTags(data.tags);
      setDraft("");
    },
  );
  const save = (next: string[]) => action.run(next);
  return (
    <div className="space-y-2">
      <ul aria-label="Tags" className="flex flex-wrap gap-2">
        {tags.length === 0 ? <li className="text-sm text-gray-700 dark:text-gray-300">No tags yet.</li> : null}
        {tags.map((tag) => (
          <li key={tag} className="inline-flex items-center gap-1 rounded-full bg-gray-100 px-2 py-0.5 text-xs dark:bg-gray-800">
            <Link className={`rounded ${focusRing}`} href={`${filterHref}${encodeURIComponent(tag)}`}>
              {tag}
            </Link>
            {canEdit ? (
              <button
                type="button"
                className={`rounded px-1 ${focusRing}`}
                aria-label={`Remove tag ${tag}`}
                disabled={action.pending}
                onClick={() => save(tags.filter((t) => t !== tag))}
              >
                ×
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {canEdit ? (
        <form
          className="flex max-w-sm items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (draft.trim()) save([...tags, draft.trim()]);
          }}
        >
          <div className="flex-1">
            <label htmlFor={inputId} className="mb-1 block text-sm font-medium">
              Add a tag
            </label>
            <input id={inputId} className={controlClass} value={draft} maxLength={64} onChange={(e) => setDraft(e.target.value)} />
          </div>
          <Button type="submit" variant="secondary" pending={action.pending} disabled={!draft.trim()}>
            Add
          </Button>
        </form>
      ) : null}
      <FormMessage message={action.failure.message} />
    </div>
  );
}
