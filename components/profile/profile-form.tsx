"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { updateProfileAction } from "@/lib/actions/profile";
import { Button } from "@/components/ui/button";
import { CheckboxField, TextAreaField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Markdown } from "@/components/ui/markdown";
import { useAction } from "@/components/ui/use-action";

type Profile = {
  username: string;
  fullName: string;
  bio: string;
  avatarUrl: string | null;
  displayOptions: { fullName: boolean; email: boolean; bio: boolean; avatar: boolean };
};

const options = [
  ["fullName", "Show my real name"],
  ["email", "Show my email address"],
  ["bio", "Show my about text"],
  ["avatar", "Show my picture"],
] as const;

export function ProfileForm({ profile }: { profile: Profile }) {
  const router = useRouter();
  const [bio, setBio] = useState(profile.bio);
  const action = useAction(updateProfileAction, () => router.refresh());

  return (
    <form
      noValidate
      className="space-y-6"
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        const get = (k: string) => String(form.get(k) ?? "");
        action.run({
          username: get("username"),
          fullName: get("fullName"),
          bio,
          avatarUrl: get("avatarUrl").trim(),
          displayOptions: {
            fullName: form.get("show_fullName") === "on",
            email: form.get("show_email") === "on",
            bio: form.get("show_bio") === "on",
            avatar: form.get("show_avatar") === "on",
          },
        });
      }}
    >
      <FormMessage message={action.summary(["username", "fullName", "bio", "avatarUrl", "displayOptions"])} />
      {action.data ? <FormMessage tone="success" message="Profile saved." /> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Username"
          name="username"
          required
          maxLength={40}
          defaultValue={profile.username}
          error={action.fieldError("username")}
          autoComplete="username"
        />
        <TextField
          label="Full name"
          name="fullName"
          maxLength={120}
          defaultValue={profile.fullName}
          error={action.fieldError("fullName")}
          autoComplete="name"
        />
        <TextField
          className="sm:col-span-2"
          label="Avatar URL"
          name="avatarUrl"
          type="url"
          maxLength={2000}
          defaultValue={profile.avatarUrl ?? ""}
          error={action.fieldError("avatarUrl")}
          hint="An http(s) link to an image; leave empty for none."
        />
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <TextAreaField
          label="Bio"
          name="bio"
          rows={8}
          maxLength={4000}
          value={bio}
          onChange={(e) => setBio(e.target.value)}
          error={action.fieldError("bio")}
          hint="Markdown is supported; HTML is not."
        />
        <div>
          <h2 className="mb-1 text-sm font-medium">Preview</h2>
          <div className="min-h-40 rounded-md border border-gray-300 p-3 dark:border-gray-700">
            {bio.trim() ? <Markdown>{bio}</Markdown> : <p className="text-sm text-gray-700 dark:text-gray-300">Nothing to preview yet.</p>}
          </div>
        </div>
      </div>
      <fieldset className="space-y-2">
        <legend className="mb-1 text-sm font-medium">Visible to people who share a project with you</legend>
        {options.map(([key, label]) => (
          <CheckboxField key={key} label={label} name={`show_${key}`} defaultChecked={profile.displayOptions[key]} />
        ))}
      </fieldset>
      <Button type="submit" pending={action.pending}>
        Save profile
      </Button>
    </form>
  );
}
