// /sign-up - create an account; `?clinic=<slug>` signs the person up as a client of that clinic,
// `?next=` (same-site path) is where the verification link lands them otherwise.
import { redirect } from "next/navigation";
import { findClinicBySlug } from "@/lib/clinics/find-clinic-by-slug";
import { getRequestLocale } from "@/lib/auth/get-request-locale";
import { safeNext } from "@/lib/auth/safe-next";
import { getSessionUser } from "@/lib/auth/session";
import { asAnonymous } from "@/lib/db/context";
import { devMailboxEnabled } from "@/lib/env";
import { SignUpForm } from "./sign-up-form";
import { pageTitle } from "@/lib/i18n/page-title";
import { authMessages } from "@/lib/i18n/messages/auth";

export const generateMetadata = pageTitle(authMessages, "signUpTitle");

export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const sp = await searchParams;
  const slug = typeof sp.clinic === "string" ? sp.clinic.toLowerCase() : null;
  const clinic = slug ? await asAnonymous((db) => findClinicBySlug(db, slug)) : null;
  const next = clinic ? `/${clinic.slug}/portal/join` : safeNext(sp.next, "/account");
  if (await getSessionUser()) redirect(next);
  const locale = await getRequestLocale(clinic?.defaultLocale);
  return <SignUpForm locale={locale} clinic={clinic} next={next} devMailbox={devMailboxEnabled()} />;
}
