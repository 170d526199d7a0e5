import { userRoute } from "@/lib/http/route";
import { getOwnProfile, updateProfile } from "@/lib/services/users/profile";
import { UpdateProfile } from "@/lib/validation/users";

export const GET = userRoute({}, ({ actor }) => getOwnProfile(actor));

export const PATCH = userRoute({ body: UpdateProfile }, async ({ actor, body }) => {
  await updateProfile(actor, body);
  return getOwnProfile(actor);
});
