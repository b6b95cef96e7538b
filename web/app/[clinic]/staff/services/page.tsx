// /[clinic]/staff/services - the services editor (owners and admins edit; other staff read).
import { listStaff } from "@/lib/clinics/list-staff";
import { can, performsServices } from "@/lib/clinics/permissions";
import { loadStaffPage } from "@/lib/clinics/load-staff-page";
import { withUser } from "@/lib/db/context";
import { translator } from "@/lib/i18n";
import { appointmentMessages } from "@/lib/i18n/messages/appointments";
import { scheduleMessages } from "@/lib/i18n/messages/schedules";
import { listServices } from "@/lib/schedules/list-services";
import { formatMoney } from "@/lib/format/money";
import { ServiceForm } from "./service-form";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle(scheduleMessages, "svc.title");

export default async function ServicesPage(props: { params: Promise<{ clinic: string }> }) {
  const { clinic: slug } = await props.params;
  const { user, access, locale } = await loadStaffPage(slug);
  if (!access.role) return null;
  const t = translator(locale, appointmentMessages);
  const ts = translator(locale, scheduleMessages);
  const clinic = access.clinic;
  const canEdit = can(access, "services.edit");
  const { services, staff } = await withUser(user, async (db) => ({
    services: await listServices(db, clinic.id, { includeInactive: true }),
    staff: (await listStaff(db, clinic.id)).filter((s) => performsServices(s.role)),
  }));
  const names = new Map(staff.map((s) => [s.userId, s.name]));
  const formProps = {
    locale,
    clinicSlug: clinic.slug,
    currency: clinic.currency,
    staff: staff.map(({ userId, name }) => ({ userId, name })),
  };
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <h1 className="text-2xl font-semibold">{ts("svc.title")}</h1>
      {!canEdit ? <p className="text-sm text-slate-600">{ts("svc.readOnly")}</p> : null}
      {services.length === 0 ? <p className="text-slate-600">{ts("svc.empty")}</p> : null}
      <ul className="space-y-3" aria-label={ts("svc.title")}>
        {services.map((s) => (
          <li key={s.id} className="rounded-xl bg-white p-4 shadow-sm">
            <p className="flex flex-wrap items-baseline justify-between gap-x-2">
              <span className="font-semibold">{s.name}</span>
              <span className="text-sm text-slate-600">
                {t("book.minutes", { n: s.durationMinutes })} · {formatMoney(s.priceCents, s.currency, locale)}
              </span>
            </p>
            <p className="text-sm text-slate-600">
              {[
                s.bookableOnline ? null : ts("svc.staffOnly"),
                s.active ? null : ts("svc.inactive"),
                s.vetIds.map((id) => names.get(id) ?? "?").join(", "),
              ]
                .filter(Boolean)
                .join(" · ")}
            </p>
            {canEdit ? (
              <details className="mt-2">
                <summary className="min-h-11 cursor-pointer py-2 text-sm font-medium text-brand-700">
                  {ts("svc.edit")}
                </summary>
                <ServiceForm {...formProps} service={s} />
              </details>
            ) : null}
          </li>
        ))}
      </ul>
      {canEdit ? (
        <section className="space-y-2 rounded-xl bg-white p-4 shadow-sm">
          <h2 className="text-lg font-semibold">{ts("svc.new")}</h2>
          <ServiceForm {...formProps} />
        </section>
      ) : null}
    </div>
  );
}
