// /sign-in - email + password; `?next=` returns to a page on this site after signing in.
import { redirect } from "next/navigation";
import { getRequestLocale } from "@/lib/auth/get-request-locale";
import { safeNext } from "@/lib/auth/safe-next";
import { getSessionUser } from "@/lib/auth/session";
import { SignInForm } from "./sign-in-form";
import { pageTitle } from "@/lib/i18n/page-title";
import { authMessages } from "@/lib/i18n/messages/auth";

export const generateMetadata = pageTitle(authMessages, "signInTitle");

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const sp = await searchParams;
  const next = safeNext(sp.next, "/account");
  if (await getSessionUser()) redirect(next);
  const locale = await getRequestLocale();
  return <SignInForm locale={locale} next={next} />;
}
