import Link from "next/link";
import type { ComponentProps } from "react";
import { Badge } from "./badge";
import { ProjectListToggle } from "./project-list-toggle";
import { linkClass } from "./styles";
import { Td } from "./table";

/** A catalog entry's name, linking to its page, with its key below. */
export function NameKeyCell({ href, name, itemKey }: { href: string; name: string; itemKey: string }) {
  return (
    <Td>
      <Link className={linkClass} href={href}>
        {name}
      </Link>
      <div className="mt-0.5 font-mono text-xs text-gray-700 dark:text-gray-300">{itemKey}</div>
    </Td>
  );
}

/** Whether the entry is on the project's list: a toggle for those who manage the list, a badge for others. */
export function ProjectCell({ canManage, ...toggle }: ComponentProps<typeof ProjectListToggle> & { canManage: boolean }) {
  return (
    <Td>
      {canManage ? (
        <ProjectListToggle {...toggle} />
      ) : toggle.inProject ? (
        <Badge tone="green">In project</Badge>
      ) : (
        <span className="text-gray-700 dark:text-gray-300">—</span>
      )}
    </Td>
  );
}
