import { ROLES, type Role } from "./roles";

/** Everything a project role may do, each with the sentence the README and settings pages show. */
export const CAPABILITIES = {
  "project.read": "Read the project: models, benchmarks, runs, reports, members",
  "project.leave": "Leave the project",
  "run.create": "Start and cancel evaluation runs",
  "model.test": "Test a model's connection",
  "benchmark.write": "Upload, edit and redact benchmarks; choose the project's benchmarks",
  "tag.write": "Tag models, benchmarks and runs",
  "feedback.write": "Log interactions and feedback on them",
  "gateway.use": "Call the project's models through the OpenAI-compatible gateway",
  "automation.manage": "Create, edit, pause and delete schedules, alerts and webhook subscriptions",
  "model.manage": "Add, edit and delete models; choose the project's models",
  "usecase.manage": "Create, edit and delete use cases; attach their models and feedback keys; start and cancel their A/B tests",
  "member.manage": "Invite members, change their roles, remove them",
  "token.manage": "See, create and revoke the project's API tokens",
  "audit.read": "Read the audit log",
  "run.publish": "Publish runs to the instance leaderboard",
  "project.update": "Rename the project and edit its description",
  "project.delete": "Delete the project",
} as const;
export type Capability = keyof typeof CAPABILITIES;

// What each role adds to the one below it: every role can do all its lower roles can.
const ADDS: Record<Role, Capability[]> = {
  viewer: ["project.read", "project.leave"],
  member: ["run.create", "model.test", "benchmark.write", "tag.write", "feedback.write", "gateway.use", "automation.manage"],
  admin: ["model.manage", "usecase.manage", "member.manage", "token.manage", "audit.read", "run.publish", "project.update"],
  owner: ["project.delete"],
};

/** The one map from role to capabilities: the REST wrapper, the server-action wrapper and the pages read it. */
export const PERMISSIONS: Record<Role, ReadonlySet<Capability>> = {
  viewer: new Set(ADDS.viewer),
  member: new Set([...ADDS.viewer, ...ADDS.member]),
  admin: new Set([...ADDS.viewer, ...ADDS.member, ...ADDS.admin]),
  owner: new Set([...ADDS.viewer, ...ADDS.member, ...ADDS.admin, ...ADDS.owner]),
};

export function can(role: Role, capability: Capability): boolean {
  return PERMISSIONS[role].has(capability);
}

/** The lowest role holding a capability (roles are cumulative, so every higher role holds it too). */
export function roleFor(capability: Capability): Role {
  return ROLES.find((role) => can(role, capability)) as Role;
}

export const isCapability = (value: string): value is Capability => Object.hasOwn(CAPABILITIES, value);
