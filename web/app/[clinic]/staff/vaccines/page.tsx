// /[clinic]/staff/vaccines - the clinic's vaccine list (vets, owners and admins edit; other staff read) and
// when vaccine reminders go out (owners and admins).
import { can, requireCan } from "@/lib/clinics/permissions";
import { loadStaffPage } from "@/lib/clinics/load-staff-page";
import { withUser } from "@/lib/db/context";
import { translator } from "@/lib/i18n";
import { clinicalMessages } from "@/lib/i18n/messages/clinical";
import { petMessages } from "@/lib/i18n/messages/pets";
import { pageTitle } from "@/lib/i18n/page-title";
import { getVaccineReminderSettings } from "@/lib/vaccinations/get-vaccine-reminder-settings";
import { listVaccines } from "@/lib/vaccinations/list-vaccines";
import { HeadedSection } from "@/app/_components/headed-section";
import { VaccineForm } from "./vaccine-form";
import { VaccineRemindersForm } from "./vaccine-reminders-form";

export const generateMetadata = pageTitle(clinicalMessages, "vl.title");

export default async function VaccinesPage(props: { params: Promise<{ clinic: string }> }) {
  const { clinic: slug } = await props.params;
  const { user, access, locale } = await loadStaffPage(slug);
  if (!access.role) return null;
  requireCan(access, "vaccinations.read");
  const t = translator(locale, clinicalMessages);
  const tp = translator(locale, petMessages);
  const clinic = access.clinic;
  const canEdit = can(access, "vaccines.manage");
  const { vaccines, settings } = await withUser(user, async (db) => ({
    vaccines: await listVaccines(db, { clinicId: clinic.id }),
    settings: await getVaccineReminderSettings(db, clinic.id),
  }));
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <h1 className="text-2xl font-semibold">{t("vl.title")}</h1>
      <p className="text-slate-600">{t("vl.intro")}</p>
      {!canEdit ? <p className="text-sm text-slate-600">{t("vl.readOnly")}</p> : null}
      {vaccines.length === 0 ? <p className="text-slate-600">{t("vl.empty")}</p> : null}
      <ul className="space-y-3" aria-label={t("vl.title")}>
        {vaccines.map((v) => (
          <li key={v.id} className="rounded-2xl bg-white p-4 shadow-sm">
            <p className="font-medium">
              {v.name}{" "}
              <span className="text-sm font-normal text-slate-600">
                {v.species ? tp(`species.${v.species}`) : t("vl.anySpecies")} · {t("vl.every", { n: v.intervalDays })}
                {v.active ? "" : ` · ${t("vl.inactive")}`}
              </span>
            </p>
            {canEdit ? (
              <details className="mt-2">
                <summary className="cursor-pointer text-sm text-brand-700">
                  {t("vl.edit")}
                  <span className="sr-only"> {v.name}</span>
                </summary>
                <div className="mt-3">
                  <VaccineForm locale={locale} clinicSlug={clinic.slug} vaccine={v} />
                </div>
              </details>
            ) : null}
          </li>
        ))}
      </ul>
      {canEdit ? (
        <HeadedSection id="add-vaccine" title={t("vl.add")} className="space-y-3 rounded-2xl bg-white p-5 shadow-sm">
          <VaccineForm locale={locale} clinicSlug={clinic.slug} />
        </HeadedSection>
      ) : null}
      <HeadedSection
        id="vaccine-reminders"
        title={t("vr.title")}
        className="space-y-3 rounded-2xl bg-white p-5 shadow-sm"
      >
        {can(access, "reminders.edit") ? (
          <VaccineRemindersForm locale={locale} clinicSlug={clinic.slug} settings={settings} />
        ) : (
          <p className="text-sm text-slate-700">
            {t("vr.summary", {
              offsets: settings.offsetsDays.join(", ") || "-",
              overdue: settings.overdueDays ?? "-",
            })}
          </p>
        )}
      </HeadedSection>
    </div>
  );
}
