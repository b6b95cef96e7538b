// What every staff page needs: the signed-in user (else redirect to sign-in), the clinic (else 404), the
// caller's role there and the language to speak. Cached per request, so layout and page share one lookup.
import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { getSessionUser, type CurrentUser } from "@/lib/auth/session";
import { getRequestLocale } from "@/lib/auth/get-request-locale";
import type { Locale } from "@/lib/i18n";
import type { ClinicAccess } from "./get-clinic-access";
import { requireClinicAccess } from "./require-clinic-access";

export interface StaffPageContext {
  user: CurrentUser;
  access: ClinicAccess;
  locale: Locale;
}

export const loadStaffPage = cache(async (slug: string): Promise<StaffPageContext> => {
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(`/${slug}/staff`)}`);
  const access = await requireClinicAccess(user, slug);
  return { user, access, locale: await getRequestLocale(access.clinic.defaultLocale) };
});
