// POST /api/account/profile - the signed-in person updates their name and language
import { apiHandler } from "@/lib/http/api-handler";
import { json } from "@/lib/http/respond";
import { localeCookie } from "@/lib/auth/locale-cookie";
import { updateProfile, updateProfileSchema } from "@/lib/auth/update-profile";

export const POST = apiHandler({ body: updateProfileSchema }, async ({ req, body }) => {
  const authHeaders = await updateProfile(req.headers, body);
  const res = json({ ok: true });
  for (const c of authHeaders.getSetCookie()) res.headers.append("set-cookie", c);
  if (body.locale) res.headers.append("set-cookie", localeCookie(body.locale));
  return res;
});
