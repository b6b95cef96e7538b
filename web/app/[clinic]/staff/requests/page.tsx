// /[clinic]/staff/requests - the queue of open booking requests: book a time or decline with a message.
import { listBookingRequests } from "@/lib/appointments/list-booking-requests";
import { loadStaffPage } from "@/lib/clinics/load-staff-page";
import { withUser } from "@/lib/db/context";
import { translator } from "@/lib/i18n";
import { appointmentMessages } from "@/lib/i18n/messages/appointments";
import { formatDay } from "@/lib/format/time";
import { RequestActions } from "./request-actions";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle(appointmentMessages, "req.title");

export default async function RequestsPage(props: { params: Promise<{ clinic: string }> }) {
  const { clinic: slug } = await props.params;
  const { user, access, locale } = await loadStaffPage(slug);
  if (!access.role) return null;
  const t = translator(locale, appointmentMessages);
  const clinic = access.clinic;
  const page = await withUser(user, (db) => listBookingRequests(db, clinic.id, { status: "open", limit: 200 }));
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-2xl font-semibold">{t("req.title")}</h1>
      {page.items.length === 0 ? <p className="text-slate-600">{t("req.empty")}</p> : null}
      <ul className="space-y-3" aria-label={t("req.title")}>
        {page.items.map((r) => (
          <li key={r.id} className="space-y-3 rounded-xl bg-white p-4 shadow-sm">
            <div>
              <p className="font-semibold">
                {r.petName} · {r.serviceName}
              </p>
              <p className="text-sm text-slate-600">
                {[r.clientName, r.clientPhone, r.clientEmail].filter(Boolean).join(" · ")}
              </p>
              <p className="text-sm text-slate-600">
                {t(`tod.${r.timeOfDay}`)}
                {r.preferredDates.length
                  ? ` · ${t("req.dates", { dates: r.preferredDates.map((d) => formatDay(d, locale)).join(", ") })}`
                  : ""}
              </p>
              {r.note ? <p className="mt-1 text-sm text-slate-800">“{r.note}”</p> : null}
            </div>
            <RequestActions
              locale={locale}
              clinicSlug={clinic.slug}
              timeZone={clinic.timeZone}
              requestId={r.id}
              serviceId={r.serviceId}
              petId={r.petId}
            />
          </li>
        ))}
      </ul>
      {page.total > page.items.length ? (
        <p className="text-sm text-slate-500">
          {page.items.length} / {page.total}
        </p>
      ) : null}
    </div>
  );
}
