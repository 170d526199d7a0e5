"use client";

import { type ReactNode, useId, useRef } from "react";
import { Button } from "./button";

type Props = {
  /** The trigger's text, e.g. "Revoke". */
  label: string;
  /** The dialog's heading, a question: "Revoke the token ci-bot?" */
  title: string;
  /** What will happen, so the choice is informed. */
  children: ReactNode;
  confirmLabel: string;
  /** The safe choice; "Cancel" unless that would read oddly (cancelling a run). */
  cancelLabel?: string;
  onConfirm: () => void;
  pending?: boolean;
  size?: "sm" | "md";
  "aria-label"?: string;
};

/**
 * A destructive action that asks first, in a native modal <dialog>: focus moves into it (to Cancel, the
 * safe choice), Escape and Cancel close it, and focus returns to the trigger.
 */
export function ConfirmButton({
  label,
  title,
  children,
  confirmLabel,
  cancelLabel = "Cancel",
  onConfirm,
  pending,
  size,
  "aria-label": ariaLabel,
}: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  return (
    <>
      <Button
        size={size}
        variant="danger"
        pending={pending}
        aria-label={ariaLabel}
        aria-haspopup="dialog"
        onClick={() => dialog.current?.showModal()}
      >
        {label}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-body`}
        className="w-full max-w-md rounded-lg border border-gray-200 bg-white p-0 text-gray-900 shadow-xl backdrop:bg-black/50 dark:border-gray-700 dark:bg-gray-900 dark:text-gray-100"
      >
        <form method="dialog" className="space-y-4 p-5">
          <h2 id={`${id}-title`} className="text-lg font-semibold">
            {title}
          </h2>
          <div id={`${id}-body`} className="text-sm text-gray-800 dark:text-gray-200">
            {children}
          </div>
          <div className="flex justify-end gap-2">
            <Button type="submit" variant="secondary" autoFocus>
              {cancelLabel}
            </Button>
            <Button
              variant="danger"
              onClick={() => {
                dialog.current?.close();
                onConfirm();
              }}
            >
              {confirmLabel}
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
