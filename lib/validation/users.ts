import { z } from "zod";

export const Username = z
  .string()
  .trim()
  .min(3, "Username must be at least 3 characters")
  .max(40, "Username must be at most 40 characters")
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, "Username may contain letters, digits, '.', '_' and '-'");

export const Email = z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address")).pipe(z.string().max(254));

// Strength beyond length and the common-password list is checked on the server (see lib/auth/password.ts).
export const Password = z.string().min(8, "Password must be at least 8 characters").max(256, "Password must be at most 256 characters");

export const SignUp = z.object({ username: Username, email: Email, password: Password });
export type SignUp = z.infer<typeof SignUp>;

export const Login = z.object({
  login: z.string().trim().min(1, "Enter your email or username").max(254),
  password: z.string().min(1, "Enter your password").max(256),
});

export const DisplayOptions = z.object({
  fullName: z.boolean(),
  email: z.boolean(),
  bio: z.boolean(),
  avatar: z.boolean(),
});

export const UpdateProfile = z.object({
  username: Username.optional(),
  fullName: z.string().trim().max(120, "Full name must be at most 120 characters").optional(),
  bio: z.string().max(4000, "Bio must be at most 4,000 characters").optional(),
  avatarUrl: z.union([z.literal(""), z.url({ protocol: /^https?$/, message: "Avatar URL must be an http(s) URL" }).max(2000)]).optional(),
  displayOptions: DisplayOptions.optional(),
});
export type UpdateProfile = z.infer<typeof UpdateProfile>;

export const Setup = z.object({ token: z.string().min(10).max(200), username: Username, email: Email, password: Password });
