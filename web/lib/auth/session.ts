// The signed-in person for a request, from the better-auth session cookie. Identity never comes from input.
import "server-only";
import { headers as nextHeaders } from "next/headers";
import { isLocale, type Locale } from "@/lib/i18n";
import type { SessionUser } from "@/lib/db/types";
import { getAuth } from "./auth";

export interface CurrentUser extends SessionUser {
  name: string;
  emailVerified: boolean;
  locale: Locale;
}

export async function getSessionUser(headers?: Headers): Promise<CurrentUser | null> {
  const h = headers ?? (await nextHeaders());
  const session = await getAuth().api.getSession({ headers: h });
  if (!session) return null;
  const u = session.user as typeof session.user & { locale?: unknown };
  return {
    userId: u.id,
    email: u.email,
    name: u.name,
    emailVerified: u.emailVerified,
    locale: isLocale(u.locale) ? u.locale : "en",
  };
}
