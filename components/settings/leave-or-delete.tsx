"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { deleteProjectAction, leaveProjectAction } from "@/lib/actions/projects";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useAction } from "@/components/ui/use-action";

function useGoToProjects() {
  const router = useRouter();
  return () => {
    router.push("/projects");
    router.refresh();
  };
}

export function LeaveProject({ projectKey }: { projectKey: string }) {
  const [confirming, setConfirming] = useState(false);
  const action = useAction(() => leaveProjectAction(projectKey, {}), useGoToProjects());
  return (
    <div className="space-y-3">
      <FormMessage message={action.failure.message} />
      {confirming ? (
        <div className="flex flex-wrap items-center gap-2">
          <p className="text-sm">You will lose access until someone invites you again.</p>
          <Button variant="danger" pending={action.pending} onClick={() => action.run(undefined)}>
            Leave this project
          </Button>
          <Button variant="secondary" onClick={() => setConfirming(false)}>
            Cancel
          </Button>
        </div>
      ) : (
        <Button variant="secondary" onClick={() => setConfirming(true)}>
          Leave project
        </Button>
      )}
    </div>
  );
}

export function DeleteProject({ projectKey }: { projectKey: string }) {
  const [typed, setTyped] = useState("");
  const action = useAction((confirm: string) => deleteProjectAction(projectKey, { confirm }), useGoToProjects());
  return (
    <form
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        action.run(typed);
      }}
    >
      <FormMessage message={action.summary(["confirm"])} />
      <TextField
        label={`Type the project key "${projectKey}" to confirm`}
        name="confirm"
        autoComplete="off"
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
        error={action.fieldError("confirm")}
      />
      <Button type="submit" variant="danger" disabled={typed !== projectKey} pending={action.pending}>
        Delete project
      </Button>
    </form>
  );
}
