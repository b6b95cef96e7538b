// /sign-in - email + password; `?next=` returns to a page on this site after signing in.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getRequestLocale } from "@/lib/auth/get-request-locale";
import { safeNext } from "@/lib/auth/safe-next";
import { getSessionUser } from "@/lib/auth/session";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

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
