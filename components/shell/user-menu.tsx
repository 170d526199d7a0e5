"use client";

import Link from "next/link";
import { signOut } from "next-auth/react";
import { buttonClass } from "@/components/ui/button";
import { ChevronIcon } from "@/components/ui/icons";
import { Disclosure, panelItemClass } from "./disclosure";

export function UserMenu({ username, isAdmin }: { username: string; isAdmin: boolean }) {
  return (
    <Disclosure
      label={
        <>
          <span className="sr-only">Account menu for </span>
          <span className="max-w-32 truncate">{username}</span>
          <ChevronIcon width={14} height={14} />
        </>
      }
      buttonClassName={buttonClass("ghost", "sm", "h-9")}
      panelClassName="right-0"
    >
      <ul>
        <li>
          <Link className={panelItemClass} href="/profile">
            Profile
          </Link>
        </li>
        <li>
          <Link className={panelItemClass} href="/projects">
            All projects
          </Link>
        </li>
        {isAdmin ? (
          <li>
            <Link className={panelItemClass} href="/admin">
              Instance admin
            </Link>
          </li>
        ) : null}
        <li>
          <button type="button" className={panelItemClass} onClick={() => signOut({ callbackUrl: "/login" })}>
            Sign out
          </button>
        </li>
      </ul>
    </Disclosure>
  );
}
