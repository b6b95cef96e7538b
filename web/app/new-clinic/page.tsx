// /new-clinic - a signed-in person with a verified email creates a clinic and becomes its owner.
import Link from "next/link";
import { redirect } from "next/navigation";
import { SiteHeader } from "@/app/_components/site-header";
import { ClinicProfileForm } from "@/app/_components/clinic-profile-form";
import { getRequestLocale } from "@/lib/auth/get-request-locale";
import { getSessionUser } from "@/lib/auth/session";
import { listMyClinics } from "@/lib/clinics/list-my-clinics";
import { withUser } from "@/lib/db/context";
import { translator } from "@/lib/i18n";
import { clinicMessages } from "@/lib/i18n/messages/clinics";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle(clinicMessages, "new.title");
export const dynamic = "force-dynamic";

export default async function NewClinicPage() {
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent("/new-clinic")}`);
  const locale = await getRequestLocale();
  const t = translator(locale, clinicMessages);
  const staffOf = (await withUser(user, (db) => listMyClinics(db))).filter((c) => c.role);

  return (
    <div lang={locale} className="flex min-h-screen flex-col">
      <SiteHeader locale={locale} />
      <main className="mx-auto w-full max-w-xl flex-1 space-y-6 px-4 pb-12 pt-4">
        <div className="rounded-2xl bg-white p-5 shadow-sm sm:p-8">
          <h1 className="text-2xl font-semibold">{t("new.title")}</h1>
          <p className="mb-6 mt-1 text-slate-600">{t("new.intro")}</p>
          {user.emailVerified ? (
            <ClinicProfileForm
              mode="create"
              locale={locale}
              initial={{
                slug: "",
                name: "",
                timeZone: "Europe/Madrid",
                currency: "EUR",
                defaultLocale: locale,
                email: "",
                phone: "",
                address: "",
              }}
            />
          ) : (
            <p role="status" className="rounded-xl border border-amber-200 bg-amber-50 p-4 text-amber-900">
              {t("new.verify")}
            </p>
          )}
        </div>
        {staffOf.length ? (
          <section className="rounded-2xl bg-white p-5 shadow-sm">
            <h2 className="font-semibold">{t("new.yourClinics")}</h2>
            <ul className="mt-2 space-y-1">
              {staffOf.map((c) => (
                <li key={c.id}>
                  <Link href={`/${c.slug}/staff`} className="text-brand-700 underline">
                    {c.name}
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </main>
    </div>
  );
}
