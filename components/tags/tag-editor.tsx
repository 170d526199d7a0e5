"use client";

import Link from "next/link";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { controlClass, focusRing } from "@/components/ui/styles";
import { useAction } from "@/components/ui/use-action";
import type { ActionResult } from "@/lib/http/action";
import type { TaggedType } from "@/lib/validation/tags";

type Props = { projectKey: string; type: TaggedType; id: string; tags: string[]; canEdit: boolean; filterHref: string };

type Problem = { detail?: string; errors?: { path: string; message: string }[] };

/** Saves through `PUT /api/v1/{type}s/{id}/tags` (session cookie), the same route, validation and checks as the API. */
async function putTags(projectKey: string, type: TaggedType, id: string, tags: string[]): Promise<ActionResult<{ tags: string[] }>> {
  const res = await fetch(`/api/v1/${type}s/${encodeURIComponent(id)}/tags?project=${encodeURIComponent(projectKey)}`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ tags }),
  });
  const json = (await res.json().catch(() => ({}))) as Problem & { tags: string[] };
  if (res.ok) return { ok: true, data: { tags: json.tags } };
  const fieldErrors = Object.fromEntries((json.errors ?? []).map((e) => [e.path, e.message]));
  return {
    ok: false,
    status: res.status,
    message: json.errors?.[0]?.message ?? json.detail ?? `Could not save (HTTP ${res.status})`,
    fieldErrors,
  };
}

/** A resource's project tags: each links to `filterHref` + the tag (a filtered list); members add and remove them. */
export function TagEditor({ projectKey, type, id, tags: initial, canEdit, filterHref }: Props) {
  const inputId = useId();
  const [tags, setTags] = useState(initial);
  const [draft, setDraft] = useState("");
  const action = useAction(
    (next: string[]) => putTags(projectKey, type, id, next),
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
