// /[clinic]/staff/settings - the clinic profile (owners and admins edit; others are told who can).
import type { Metadata } from "next";
import { loadStaffPage } from "@/lib/clinics/load-staff-page";
import { can } from "@/lib/clinics/permissions";
import { translator } from "@/lib/i18n";
import { clinicMessages } from "@/lib/i18n/messages/clinics";
import { ClinicProfileForm } from "@/app/_components/clinic-profile-form";
import { withUser } from "@/lib/db/context";
import { getPaymentAccount } from "@/lib/stripe/get-payment-account";
import { PaymentsSection } from "./_components/payments-section";
import { ClinicalNotesAccessForm } from "./clinical-notes-access-form";
import { HeadedSection } from "@/app/_components/headed-section";
import { getClinicalNotesAccess } from "@/lib/clinics/get-clinical-notes-access";
import { visitMessages } from "@/lib/i18n/messages/visits";

export async function generateMetadata(props: { params: Promise<{ clinic: string }> }): Promise<Metadata> {
  const { locale } = await loadStaffPage((await props.params).clinic);
  return { title: translator(locale, clinicMessages)("settings.title") };
}

export default async function ClinicSettingsPage(props: {
  params: Promise<{ clinic: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { clinic: slug } = await props.params;
  const { access, locale, user } = await loadStaffPage(slug);
  if (!access.role) return null;
  const payments = await withUser(user, (db) => getPaymentAccount(db, access.clinic.id));
  const returnedFromStripe = (await props.searchParams).payments === "return";
  const t = translator(locale, clinicMessages);
  const c = access.clinic;
  const canEdit = can(access, "clinic.editSettings");
  const notesAccess = canEdit ? await withUser(user, (db) => getClinicalNotesAccess(db, c.id)) : null;
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="text-2xl font-semibold">{t("settings.title")}</h1>
      {canEdit ? (
        <div className="rounded-xl bg-white p-4 shadow-sm sm:p-6">
          <ClinicProfileForm
            mode="update"
            slug={c.slug}
            locale={locale}
            initial={{
              slug: c.slug,
              name: c.name,
              timeZone: c.timeZone,
              currency: c.currency.trim(),
              defaultLocale: c.defaultLocale === "es" ? "es" : "en",
              email: c.email ?? "",
              phone: c.phone ?? "",
              address: c.address ?? "",
            }}
          />
        </div>
      ) : null}
      {notesAccess ? (
        <HeadedSection
          id="settings-clinical-notes"
          title={translator(locale, visitMessages)("settings.clinicalNotes")}
          className="space-y-3 rounded-xl bg-white p-4 shadow-sm sm:p-6"
        >
          <ClinicalNotesAccessForm locale={locale} slug={c.slug} initial={notesAccess.receptionistsReadClinicalNotes} />
        </HeadedSection>
      ) : null}
      {canEdit ? null : (
        <p role="status" className="rounded-xl border border-amber-200 bg-amber-50 p-4 text-amber-900">
          {t("role.onlyAdmins")}
        </p>
      )}
      <PaymentsSection
        slug={c.slug}
        locale={locale}
        account={payments}
        canManage={canEdit}
        returnedFromStripe={returnedFromStripe}
      />
    </div>
  );
}
