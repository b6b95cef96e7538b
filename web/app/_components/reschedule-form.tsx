"use client";
// Pick a new time for an existing appointment with the same slot picker; a lost race reloads the free times.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/app/_components/button";
import { FormError } from "@/app/_components/form-error";
import { translator, type Locale } from "@/lib/i18n";
import { appointmentMessages } from "@/lib/i18n/messages/appointments";
import { callApi } from "@/lib/http/browser/call-api";
import { useApiSubmit } from "@/lib/http/browser/use-api-submit";
import { SlotPicker, type PickedSlot } from "@/app/_components/slot-picker";
import { formatWhen } from "@/lib/format/time";

interface RescheduleFormProps {
  locale: Locale;
  clinicSlug: string;
  timeZone: string;
  appointment: { id: string; serviceId: string; vetId: string; petName: string };
  /** Staff may move to another vet; the list of vets who perform the service. */
  vets?: { vetId: string; vetName: string }[];
  doneHref: string;
}

export function RescheduleForm({ locale, clinicSlug, timeZone, appointment, vets, doneHref }: RescheduleFormProps) {
  const t = translator(locale, appointmentMessages);
  const router = useRouter();
  const [vetId, setVetId] = useState(appointment.vetId);
  const [slot, setSlot] = useState<PickedSlot | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  const { pending, error, submit } = useApiSubmit((e) =>
    e.code === "PET_BUSY"
      ? t("book.petBusy", { pet: appointment.petName })
      : e.code === "SLOT_TAKEN"
        ? t("reschedule.taken")
        : e.message || t("form.failed"),
  );

  async function reschedule() {
    if (!slot) return;
    const body = { startsAt: slot.startsAt, vetId };
    const r = await submit(() =>
      callApi(`/api/clinics/${clinicSlug}/appointments/${appointment.id}/reschedule`, { method: "POST", body }),
    );
    if (!r) return;
    if (r.ok) {
      router.push(doneHref);
      router.refresh();
      return;
    }
    if (r.error.code === "SLOT_TAKEN" || r.error.code === "PET_BUSY") {
      setSlot(null);
      setReloadKey((k) => k + 1);
    }
  }

  return (
    <div className="space-y-4">
      {vets && vets.length > 1 ? (
        <label className="block text-sm font-medium text-slate-800">
          {t("cal.vet")}
          <select
            value={vetId}
            onChange={(e) => (setVetId(e.target.value), setSlot(null))}
            className="mt-1 block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3"
          >
            {vets.map((v) => (
              <option key={v.vetId} value={v.vetId}>
                {v.vetName}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <FormError message={error} />
      <SlotPicker
        locale={locale}
        clinicSlug={clinicSlug}
        timeZone={timeZone}
        serviceId={appointment.serviceId}
        vetId={vetId}
        movingAppointmentId={appointment.id}
        reloadKey={reloadKey}
        selected={slot?.startsAt}
        onPick={setSlot}
      />
      {slot ? (
        <Button onClick={reschedule} pending={pending} className="w-full sm:w-auto">
          {t("reschedule.confirm", { when: formatWhen(slot.startsAt, timeZone, locale) })}
        </Button>
      ) : null}
    </div>
  );
}
