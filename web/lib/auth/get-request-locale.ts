// The language for this request: the signed-in user's choice, else the `vete_locale` cookie, else the
// clinic's default, else English (resolveLocale's order).
import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { resolveLocale, type Locale } from "@/lib/i18n";
import { LOCALE_COOKIE } from "./locale-cookie";
import { getSessionUser } from "./session";

export { LOCALE_COOKIE };

export const getRequestLocale = cache(async (clinicDefault?: string | null): Promise<Locale> => {
  const [user, jar] = await Promise.all([getSessionUser(), cookies()]);
  return resolveLocale(user?.locale, clinicDefault, jar.get(LOCALE_COOKIE)?.value);
});
