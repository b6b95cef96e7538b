// Saves a language choice: always in the `vete_locale` cookie, and on the account when signed in
// (through better-auth so the session cookie cache carries the new locale at once).
import "server-only";
import { z } from "zod";
import { getAuth } from "./auth";
import { LOCALE_COOKIE } from "./get-request-locale";

export const setLocaleInput = z.object({ locale: z.enum(["en", "es"]) });
export type SetLocaleInput = z.infer<typeof setLocaleInput>;

/** Set-Cookie value for the language cookie (readable by the page; it holds no secret). */
export function localeCookie(locale: SetLocaleInput["locale"]): string {
  return `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=${60 * 60 * 24 * 365}; SameSite=Lax`;
}

/** Returns the Set-Cookie headers better-auth produced (refreshed session cache), if signed in. */
export async function setUserLocale(headers: Headers, input: SetLocaleInput, signedIn: boolean): Promise<Headers | null> {
  if (!signedIn) return null;
  const res = await getAuth().api.updateUser({ headers, body: { locale: input.locale }, asResponse: true });
  if (!res.ok) throw new Error(`update-user failed with ${res.status}`);
  return res.headers;
}
