export const ROLES = ["viewer", "member", "admin", "owner"] as const;
export type Role = (typeof ROLES)[number];

const rank: Record<Role, number> = { viewer: 0, member: 1, admin: 2, owner: 3 };

export function atLeast(role: Role, required: Role): boolean {
  return rank[role] >= rank[required];
}

export function lowerRole(a: Role, b: Role): Role {
  return rank[a] <= rank[b] ? a : b;
}

export const roleDescriptions: Record<Role, string> = {
  viewer: "Reads everything in the project",
  member: "Runs evaluations and uploads benchmarks",
  admin: "Manages models, members and API tokens",
  owner: "Everything, including deleting the project",
};
