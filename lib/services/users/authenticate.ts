import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { checkThrottle, clearFailures, recordFailure, throttleKeys } from "@/lib/auth/throttle";
import { AppError } from "@/lib/errors";
import { jsonProblem } from "@/lib/validation/json-input";
import { findUserByLogin } from "./find";

let dummyHash: Promise<string> | undefined;

/** Checks a login and password with brute-force protection; the error never says which part was wrong. */
export async function authenticate(login: string, password: string, ip: string | undefined) {
  if (!login || !password) throw new AppError("unauthorized", "Enter your email or username and password");
  const bad = jsonProblem({ login, password });
  if (bad)
    throw new AppError("bad_request", bad.path === "password" ? "The password contains a character that is not allowed" : bad.message, [
      bad,
    ]);
  const user = await findUserByLogin(login);
  const keys = throttleKeys(login, ip, user?.id);
  await checkThrottle(keys);
  // Verify against a dummy hash for unknown users so response time does not reveal which accounts exist.
  dummyHash ??= hashPassword("yardstick-timing-equaliser");
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash), password);
  if (!user || !ok) {
    await recordFailure(keys);
    throw new AppError("unauthorized", "Invalid email/username or password");
  }
  await clearFailures(user.id);
  return user;
}
