// /[clinic] - the clinic's public page: name and contact, sign up / sign in, or join when signed in.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Button, ButtonLink } from "@/app/_components/button";
import { SiteHeader } from "@/app/_components/site-header";
import { getPageLocale } from "@/lib/auth/get-page-locale";
import { getRequestLocale } from "@/lib/auth/get-request-locale";
import { getSessionUser } from "@/lib/auth/session";
import { getClinicAccess, type ClinicAccess } from "@/lib/clinics/get-clinic-access";
import { asAnonymous, withUser } from "@/lib/db/context";
import { isAppError } from "@/lib/errors";
import { translator } from "@/lib/i18n";
import { clientMessages } from "@/lib/i18n/messages/clients";
import { commonMessages } from "@/lib/i18n/messages/common";
import { joinClinicAsClient } from "./portal/join/actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ clinic: string }> };

const slugPattern = /^[a-z0-9-]{3,40}$/;

/** The clinic and, when signed in, what the visitor is to it; null for an unknown slug. */
async function loadVisitor(slug: string) {
  if (!slugPattern.test(slug)) return null;
  const user = await getSessionUser();
  try {
    const access: ClinicAccess | null = user
      ? await withUser(user, (db) => getClinicAccess(db, slug))
      : // Anonymous visitors have no memberships to look up: read the public clinic row only.
        await asAnonymous(async (db) => {
          const { rows } = await db.query<ClinicAccess["clinic"]>(
            `select id, slug, name, time_zone as "timeZone", currency, default_locale as "defaultLocale", email, phone, address
               from public.clinics where slug = $1`,
            [slug],
          );
          return rows[0] ? { clinic: rows[0], role: null, clientId: null } : null;
        });
    return access ? { user, access } : null;
  } catch (err) {
    if (isAppError(err) && err.code === "NOT_FOUND") return null;
    throw err;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { clinic } = await params;
  const v = await loadVisitor(clinic.toLowerCase());
  return { title: v?.access.clinic.name ?? translator(await getPageLocale(), commonMessages)("notFound.title") };
}

export default async function ClinicPublicPage({ params }: Props) {
  const { clinic: raw } = await params;
  const v = await loadVisitor(raw.toLowerCase());
  if (!v) notFound();
  const { user, access } = v;
  const clinic = access.clinic;
  const locale = await getRequestLocale(clinic.defaultLocale);
  const t = translator(locale, clientMessages);

  return (
    <div lang={locale} className="min-h-screen">
      <SiteHeader locale={locale} gap />
      <main className="mx-auto max-w-2xl space-y-6 px-4 pb-12">
        <section className="rounded-2xl bg-white p-5 shadow-sm sm:p-8">
          <h1 className="text-3xl font-semibold text-brand-800">{clinic.name}</h1>
          <p className="mt-2 text-slate-600">{t("public.tagline")}</p>
          <div className="mt-6 flex flex-col gap-3 sm:flex-row sm:flex-wrap">
            {!user ? (
              <>
                <ButtonLink href={`/sign-up?clinic=${clinic.slug}`}>{t("public.book")}</ButtonLink>
                <ButtonLink href={`/sign-in?next=${encodeURIComponent(`/${clinic.slug}/portal`)}`} variant="secondary">
                  {t("public.signIn")}
                </ButtonLink>
              </>
            ) : access.clientId ? (
              <ButtonLink href={`/${clinic.slug}/portal`}>{t("public.openPortal")}</ButtonLink>
            ) : (
              <form action={joinClinicAsClient} className="space-y-3">
                <p className="text-slate-700">
                  {t("public.becomeClientBody", { email: user.email, clinic: clinic.name })}
                </p>
                <input type="hidden" name="clinic" value={clinic.slug} />
                <Button type="submit">{t("public.becomeClient")}</Button>
              </form>
            )}
            {access.role ? (
              <ButtonLink href={`/${clinic.slug}/staff`} variant="secondary">
                {t("public.openStaff")}
              </ButtonLink>
            ) : null}
          </div>
        </section>
        {clinic.email || clinic.phone || clinic.address ? (
          <section className="rounded-2xl bg-white p-5 shadow-sm sm:p-8">
            <h2 className="text-lg font-semibold">{t("public.contact")}</h2>
            <address className="mt-3 space-y-2 not-italic text-slate-700">
              {clinic.address ? <p>{clinic.address}</p> : null}
              {clinic.phone ? (
                <p>
                  <a className="text-brand-700 underline" href={`tel:${clinic.phone.replace(/[^+0-9]/g, "")}`}>
                    {clinic.phone}
                  </a>
                </p>
              ) : null}
              {clinic.email ? (
                <p>
                  <a className="break-all text-brand-700 underline" href={`mailto:${clinic.email}`}>
                    {clinic.email}
                  </a>
                </p>
              ) : null}
            </address>
          </section>
        ) : null}
      </main>
    </div>
  );
}
