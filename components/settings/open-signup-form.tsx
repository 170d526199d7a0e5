"use client";

import { useRouter } from "next/navigation";
import { setOpenSignupAction } from "@/lib/actions/instance";
import { Button } from "@/components/ui/button";
import { CheckboxField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useAction } from "@/components/ui/use-action";

export function OpenSignupForm({ open }: { open: boolean }) {
  const router = useRouter();
  const action = useAction(setOpenSignupAction, () => router.refresh());
  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        action.run({ open: new FormData(e.currentTarget).get("open") === "on" });
      }}
    >
      <FormMessage message={action.failure.message} />
      {action.data ? <FormMessage tone="success" message={action.data.open ? "Sign-up is now open." : "Sign-up is now closed."} /> : null}
      <CheckboxField
        label="Allow anyone to create an account"
        name="open"
        defaultChecked={open}
        hint="When off, only existing users can sign in; invite people by creating their accounts first."
      />
      <Button type="submit" pending={action.pending}>
        Save
      </Button>
    </form>
  );
}
