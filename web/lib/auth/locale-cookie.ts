// A language choice is kept in the `vete_locale` cookie (signed in or out) and, when signed in, on the
// account too (see update-profile.ts), so mails reach the person in their language.
import { z } from "zod";

export const LOCALE_COOKIE = "vete_locale";

export const setLocaleInput = z.strictObject({ locale: z.enum(["en", "es"]) });
export type SetLocaleInput = z.infer<typeof setLocaleInput>;

/** Set-Cookie value for the language cookie (readable by the page; it holds no secret). */
export function localeCookie(locale: SetLocaleInput["locale"]): string {
  return `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=${60 * 60 * 24 * 365}; SameSite=Lax`;
}
