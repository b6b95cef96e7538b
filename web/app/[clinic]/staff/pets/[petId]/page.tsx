// /[clinic]/staff/pets/[petId] - the patient chart: the pet and its owner, a timeline of its records and its
// weight. Each record type is one section component or one set of timeline entries: visits and weights in the
// timeline, vaccinations and prescriptions as sections below it.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { loadStaffPage } from "@/lib/clinics/load-staff-page";
import { listStaff } from "@/lib/clinics/list-staff";
import { can, requireCan } from "@/lib/clinics/permissions";
import { withUser } from "@/lib/db/context";
import { isAppError } from "@/lib/errors";
import { localDate } from "@/lib/format/time";
import { translator } from "@/lib/i18n";
import { petMessages } from "@/lib/i18n/messages/pets";
import { visitMessages } from "@/lib/i18n/messages/visits";
import { getPet } from "@/lib/pets/get-pet";
import { listPetPrescriptions } from "@/lib/prescriptions/list-pet-prescriptions";
import { listPetVaccinations } from "@/lib/vaccinations/list-pet-vaccinations";
import { listVaccines } from "@/lib/vaccinations/list-vaccines";
import { listPetVisits } from "@/lib/visits/list-pet-visits";
import { listPetWeights } from "@/lib/visits/list-pet-weights";
import { ChartTimeline } from "./_components/chart-timeline";
import { prescriptionEntries, vaccinationEntries } from "./_components/clinical-entries";
import { OpenWalkInButton } from "./_components/open-walk-in-button";
import { PrescriptionsSection } from "./_components/prescriptions-section";
import { VaccinationsSection } from "./_components/vaccinations-section";
import { visitEntries, weightEntries } from "./_components/visit-entries";
import { WeightSection } from "./_components/weight-section";

type Props = { params: Promise<{ clinic: string; petId: string }>; searchParams: Promise<{ cursor?: string }> };

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { locale } = await loadStaffPage((await props.params).clinic);
  return { title: translator(locale, visitMessages)("chart.timeline") };
}

export default async function PatientChartPage(props: Props) {
  const { clinic: slug, petId } = await props.params;
  const { cursor } = await props.searchParams;
  const { user, access, locale } = await loadStaffPage(slug);
  if (!access.role) return null;
  requireCan(access, "visits.read");
  const clinicId = access.clinic.id;
  const mayRecordVaccinations = can(access, "vaccinations.record");
  const data = await withUser(user, async (db) => {
    const pet = await getPet(db, { clinicId, petId });
    return {
      pet,
      visits: await listPetVisits(db, { clinicId, petId }, { cursor }),
      weights: await listPetWeights(db, { clinicId, petId }),
      staff: await listStaff(db, clinicId),
      prescriptions: can(access, "prescriptions.read") ? await listPetPrescriptions(db, { clinicId, petId }) : null,
      vaccinations: can(access, "vaccinations.read") ? await listPetVaccinations(db, { clinicId, petId }) : null,
      vaccines:
        mayRecordVaccinations && !pet.archivedAt ? await listVaccines(db, { clinicId, forSpecies: pet.species }) : null,
    };
  }).catch((err: unknown) => {
    if (isAppError(err) && (err.code === "NOT_FOUND" || err.code === "INVALID_INPUT")) return null;
    throw err;
  });
  if (!data) notFound();
  const { pet, visits, weights, staff, prescriptions, vaccinations, vaccines } = data;
  const t = translator(locale, visitMessages);
  const tp = translator(locale, petMessages);
  const timeZone = access.clinic.timeZone;
  const ctx = { slug: access.clinic.slug, timeZone, locale, vetNames: new Map(staff.map((s) => [s.userId, s.name])) };
  // other entries shown beside the visits of this page only, so older pages do not repeat them
  const oldest = visits.items[visits.items.length - 1]?.startedAt;
  const onThisPage = <T,>(rows: T[], at: (row: T) => Date) =>
    visits.nextCursor && oldest ? rows.filter((r) => at(r) >= oldest) : rows;
  const pageWeights = onThisPage(weights, (w) => w.measuredAt);

  return (
    <div className="mx-auto max-w-4xl space-y-5">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">{t("chart.title", { name: pet.name })}</h1>
        <p className="text-slate-700">
          {[tp(`species.${pet.species}`), pet.breed, tp(`sex.${pet.sex}`), pet.birthDate, pet.microchip]
            .filter(Boolean)
            .join(" · ")}
        </p>
        <p className="text-slate-700">
          {t("chart.owner")}:{" "}
          <Link href={`/${ctx.slug}/staff/clients/${pet.clientId}`} className="text-brand-700 underline">
            {pet.clientName}
          </Link>
        </p>
      </header>
      {pet.archivedAt ? null : (
        <OpenWalkInButton clinicSlug={ctx.slug} petId={pet.id} label={t("chart.walkIn")} failed={t("visit.failed")} />
      )}
      <WeightSection weights={weights} timeZone={timeZone} locale={locale} />
      <ChartTimeline
        title={t("chart.timeline")}
        empty={t("chart.noEntries")}
        entries={[
          ...visitEntries(visits.items, ctx),
          ...weightEntries(pageWeights, { timeZone, locale }),
          ...vaccinationEntries(
            onThisPage(vaccinations?.history ?? [], (v) => new Date(`${v.givenOn}T12:00:00Z`)),
            {
              timeZone,
              locale,
            },
          ),
          ...prescriptionEntries(
            onThisPage(prescriptions ?? [], (rx) => rx.prescribedAt),
            { timeZone, locale },
          ),
        ]}
        footer={
          visits.nextCursor ? (
            <Link
              href={`/${ctx.slug}/staff/pets/${pet.id}?cursor=${encodeURIComponent(visits.nextCursor)}`}
              className="text-sm text-brand-700 underline"
            >
              {t("chart.more")}
            </Link>
          ) : null
        }
      />
      {vaccinations ? (
        <VaccinationsSection
          locale={locale}
          clinicSlug={ctx.slug}
          petId={pet.id}
          today={localDate(new Date(), timeZone)}
          statuses={vaccinations.statuses}
          history={vaccinations.history}
          vaccines={vaccines}
        />
      ) : null}
      {prescriptions ? (
        <PrescriptionsSection
          locale={locale}
          clinicSlug={ctx.slug}
          timeZone={timeZone}
          petId={pet.id}
          prescriptions={prescriptions}
          canPrescribe={can(access, "prescriptions.prescribe") && !pet.archivedAt}
          canDispense={can(access, "prescriptions.dispense")}
        />
      ) : null}
    </div>
  );
}
