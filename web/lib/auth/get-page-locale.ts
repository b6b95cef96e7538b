// The clinic and language of the page being rendered, for <html lang> and for screens that receive no
// params (not found, forbidden): the clinic comes from the path (web/proxy.ts), the language in the same
// order as getRequestLocale.
import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { asAnonymous } from "@/lib/db/context";
import { PATH_HEADER } from "@/lib/i18n/path-header";
import type { Locale } from "@/lib/i18n";
import { findClinicBySlug, type ClinicName } from "@/lib/clinics/find-clinic-by-slug";
import { getRequestLocale } from "./get-request-locale";

export const getPageClinic = cache(async (): Promise<ClinicName | null> => {
  const path = (await headers()).get(PATH_HEADER) ?? "";
  const slug = path.split("/")[1]?.toLowerCase() ?? "";
  return slug ? asAnonymous((db) => findClinicBySlug(db, slug)) : null;
});

export const getPageLocale = cache(async (): Promise<Locale> => {
  const clinic = await getPageClinic();
  return getRequestLocale(clinic?.defaultLocale);
});
