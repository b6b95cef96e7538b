// What every client-portal page needs: the signed-in user (else sign-in, then back here), the clinic
// (else 404), what the caller is to it and the language. Cached per request so layout and page share it.
import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { cookies } from "next/headers";
import { getSessionUser, type CurrentUser } from "@/lib/auth/session";
import type { ClinicAccess } from "@/lib/clinics/get-clinic-access";
import { requireClinicAccess } from "@/lib/clinics/require-clinic-access";
import { resolveLocale, type Locale } from "@/lib/i18n";

export interface PortalPageContext {
  user: CurrentUser;
  access: ClinicAccess;
  locale: Locale;
}

export const loadPortalPage = cache(async (slug: string, path = "/portal"): Promise<PortalPageContext> => {
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(`/${slug.toLowerCase()}${path}`)}`);
  const access = await requireClinicAccess(user, slug);
  const jar = await cookies();
  return {
    user,
    access,
    locale: resolveLocale(user.locale, access.clinic.defaultLocale, jar.get("vete_locale")?.value),
  };
});

/** A portal page's client id, or off to the join page when the person is not a client here yet. */
export function requireClientId(ctx: PortalPageContext): string {
  if (!ctx.access.clientId) redirect(`/${ctx.access.clinic.slug}/portal/join`);
  return ctx.access.clientId;
}
