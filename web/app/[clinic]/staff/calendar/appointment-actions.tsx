"use client";
// Staff buttons on a calendar card: check in / open the visit, the next statuses the database allows, move,
// and cancel with a reason.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button, ButtonLink } from "@/app/_components/button";
import type { AppointmentStatus } from "@/lib/appointments/rpc-types";
import { translator, type Locale } from "@/lib/i18n";
import { appointmentMessages } from "@/lib/i18n/messages/appointments";
import { visitMessages } from "@/lib/i18n/messages/visits";
import { callApi } from "@/lib/http/browser/call-api";
import { useApiSubmit } from "@/lib/http/browser/use-api-submit";
import { CancelAppointmentButton } from "@/app/_components/cancel-appointment-button";

// Mirrors private.is_allowed_appointment_transition (cancel has its own button); the database decides.
const next: Record<AppointmentStatus, ("confirmed" | "checked_in" | "in_progress" | "completed" | "no_show")[]> = {
  requested: ["confirmed"],
  confirmed: ["checked_in", "no_show"],
  checked_in: ["in_progress"],
  in_progress: ["completed"],
  completed: [],
  no_show: [],
  cancelled: [],
};

export function AppointmentActions({
  locale,
  clinicSlug,
  id,
  status,
}: {
  locale: Locale;
  clinicSlug: string;
  id: string;
  status: AppointmentStatus;
}) {
  const t = translator(locale, appointmentMessages);
  const tv = translator(locale, visitMessages);
  const router = useRouter();
  // which button is working, so only that one shows a spinner
  const [target, setTarget] = useState<string | null>(null);
  const { pending, error, submit } = useApiSubmit((e) => e.message || t("form.failed"));

  async function setStatus(to: string) {
    setTarget(to);
    const r = await submit(() =>
      callApi(`/api/clinics/${clinicSlug}/appointments/${id}/status`, { method: "POST", body: { status: to } }),
    );
    if (r?.ok) router.refresh();
  }

  // Opens the appointment's visit (checking a confirmed appointment in); repeating reopens the same visit.
  async function openVisit() {
    setTarget("visit");
    const r = await submit(() =>
      callApi<{ visit: { id: string } }>(`/api/clinics/${clinicSlug}/visits`, {
        method: "POST",
        body: { appointmentId: id },
      }),
    );
    if (r?.ok) router.push(`/${clinicSlug}/staff/visits/${r.data.visit.id}`);
  }

  const visitable =
    status === "confirmed" || status === "checked_in" || status === "in_progress" || status === "completed";
  const movable = status === "requested" || status === "confirmed";
  const cancellable = status === "requested" || status === "confirmed" || status === "checked_in";
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        {visitable ? (
          <Button className="px-3" pending={pending && target === "visit"} onClick={openVisit}>
            {status === "confirmed" ? tv("checkIn.open") : tv("checkIn.reopen")}
          </Button>
        ) : null}
        {next[status].map((to) => (
          <Button
            key={to}
            variant={to === "no_show" ? "secondary" : "primary"}
            className="px-3"
            pending={pending && target === to}
            onClick={() => setStatus(to)}
          >
            {t(`action.${to}`)}
          </Button>
        ))}
        {movable ? (
          <ButtonLink variant="secondary" className="px-3" href={`/${clinicSlug}/staff/calendar/${id}/move`}>
            {t("cal.move")}
          </ButtonLink>
        ) : null}
        {cancellable ? <CancelAppointmentButton locale={locale} clinicSlug={clinicSlug} appointmentId={id} /> : null}
      </div>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
