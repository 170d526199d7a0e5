import type { Role } from "@/lib/auth/roles";

const labels: Record<Role, string> = { viewer: "Viewer", member: "Member", admin: "Admin", owner: "Owner" };

/** Roles the caller may hand out: only owners grant owner; tokens never carry owner. */
export function roleOptions(myRole: Role, opts: { includeOwner: boolean }) {
  const roles: Role[] = ["viewer", "member", "admin"];
  if (opts.includeOwner && myRole === "owner") roles.push("owner");
  return roles.map((value) => ({ value, label: labels[value] }));
}
