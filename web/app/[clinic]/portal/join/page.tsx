// /[clinic]/portal/join - a signed-in person confirms joining the clinic as a client (a POST: a link alone
// never registers anyone). Already a client: straight to the portal.
import { redirect } from "next/navigation";
import { Button } from "@/app/_components/button";
import { Field } from "@/app/_components/field";
import { FormError } from "@/app/_components/form-error";
import { loadPortalPage } from "@/lib/clients/load-portal-page";
import { translator } from "@/lib/i18n";
import { clientMessages } from "@/lib/i18n/messages/clients";
import { joinClinicAsClient } from "./actions";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle(clientMessages, "join.title");

type Props = {
  params: Promise<{ clinic: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function JoinPage({ params, searchParams }: Props) {
  const { clinic: slug } = await params;
  const sp = await searchParams;
  // Only known keys from the query are shown, never text taken from the URL.
  const errorField = typeof sp.error === "string" ? sp.error : null;
  const { user, access, locale } = await loadPortalPage(slug, "/portal/join");
  if (access.clientId) redirect(`/${access.clinic.slug}/portal`);
  const t = translator(locale, clientMessages);
  const name = access.clinic.name;
  return (
    <form action={joinClinicAsClient} className="space-y-4 rounded-2xl bg-white p-5 shadow-sm sm:p-8">
      <h1 className="text-2xl font-semibold">{t("join.title", { clinic: name })}</h1>
      <p className="text-slate-600">{t("join.body", { clinic: name, email: user.email })}</p>
      <FormError message={errorField ? t(errorField === "phone" ? "form.fixErrors" : "form.failed") : null} />
      <input type="hidden" name="clinic" value={access.clinic.slug} />
      <Field
        label={t("join.phone")}
        name="phone"
        type="tel"
        autoComplete="tel"
        maxLength={32}
        error={errorField === "phone" ? t("join.phoneInvalid") : null}
      />
      <Button type="submit" className="w-full sm:w-auto">
        {t("join.submit", { clinic: name })}
      </Button>
    </form>
  );
}
