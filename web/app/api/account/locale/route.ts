// POST /api/account/locale - remember the visitor's language (cookie; and the account when signed in)
import { getSessionUser } from "@/lib/auth/session";
import { localeCookie, setLocaleInput } from "@/lib/auth/locale-cookie";
import { updateProfile } from "@/lib/auth/update-profile";
import { readJsonBody } from "@/lib/http/parse";
import { parseWith } from "@/lib/validation/parse";
import { errorResponse, json } from "@/lib/http/respond";

export async function POST(req: Request) {
  try {
    const { value } = await readJsonBody(req, 1024);
    const input = parseWith(setLocaleInput, value);
    const res = json({ locale: input.locale });
    if (await getSessionUser(req.headers)) {
      const authHeaders = await updateProfile(req.headers, input);
      for (const c of authHeaders.getSetCookie()) res.headers.append("set-cookie", c);
    }
    res.headers.append("set-cookie", localeCookie(input.locale));
    return res;
  } catch (err) {
    return errorResponse(err);
  }
}
