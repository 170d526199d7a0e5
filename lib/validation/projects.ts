import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";

const RESERVED_KEYS = ["admin", "api", "leaderboard", "login", "logout", "profile", "projects", "setup", "signup", "users", "_next"];

export const ProjectKey = z
  .string()
  .trim()
  .toLowerCase()
  .min(2, "Key must be at least 2 characters")
  .max(40, "Key must be at most 40 characters")
  .regex(/^[a-z0-9][a-z0-9-]*$/, "Key may contain lowercase letters, digits and '-'")
  // Top-level app routes: a project with one of these keys could not be reached in the UI.
  .refine((key) => !RESERVED_KEYS.includes(key), "This key is reserved; choose another");

export const CreateProject = z.object({
  key: ProjectKey,
  name: z.string().trim().min(1, "Name is required").max(100, "Name must be at most 100 characters"),
  description: z.string().trim().max(1000, "Description must be at most 1,000 characters").default(""),
});
export type CreateProject = z.infer<typeof CreateProject>;

export const UpdateProject = CreateProject.omit({ key: true }).partial();

export const RoleSchema = z.enum(ROLES);

export const InviteMember = z.object({
  login: z.string().trim().min(1, "Enter a username or email").max(254),
  role: RoleSchema.default("member"),
});

export const ChangeRole = z.object({ userId: z.uuid("Unknown user"), role: RoleSchema });

export const CreateToken = z.object({
  name: z.string().trim().min(1, "Name is required").max(100, "Name must be at most 100 characters"),
  role: RoleSchema.exclude(["owner"]).default("member").describe("The most this token may do"),
  expiresInDays: z.coerce.number().int().min(1).max(3650).optional().describe("Days until the token expires; never when unset"),
});
export type CreateToken = z.infer<typeof CreateToken>;

export const TokenLogin = z.object({
  login: z.string().trim().min(1, "login is required").max(254),
  password: z.string().min(1, "password is required").max(256),
  name: z.string().trim().min(1, "name is required").max(100),
  project: z.string().trim().max(40).optional().describe("Project key; the user's first project when unset"),
});
