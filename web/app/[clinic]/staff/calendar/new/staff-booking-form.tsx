"use client";
// Staff book for a client: find the pet or its owner in the clinic's search (never a list of every pet), pick
// the pet, a service (staff-only ones too), a vet or any, then a free time (staff are not held to the minimum
// notice) and confirm.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/app/_components/button";
import { FormError } from "@/app/_components/form-error";
import { translator, type Locale } from "@/lib/i18n";
import { appointmentMessages } from "@/lib/i18n/messages/appointments";
import { callApi, newIdempotencyKey } from "@/lib/http/browser/call-api";
import { useApiSubmit } from "@/lib/http/browser/use-api-submit";
import { ChoiceList } from "@/app/_components/choice-list";
import { SlotPicker, type PickedSlot } from "@/app/_components/slot-picker";
import { formatWhen, localDate } from "@/lib/format/time";
import { PetOwnerPicker, type PetOwnerChoice } from "./pet-owner-picker";

interface Props {
  locale: Locale;
  clinicSlug: string;
  timeZone: string;
  services: { id: string; name: string; durationMinutes: number }[];
  serviceVets: { serviceId: string; vetId: string; vetName: string }[];
}
export function StaffBookingForm({ locale, clinicSlug, timeZone, services, serviceVets }: Props) {
  const t = translator(locale, appointmentMessages);
  const router = useRouter();
  const api = `/api/clinics/${clinicSlug}`;
  const [who, setWho] = useState<PetOwnerChoice | null>(null);
  const client = who?.client;
  const petId = who?.petId;
  const [serviceId, setServiceId] = useState<string | null>(null);
  const [vet, setVet] = useState<string | null>(null);
  const [slot, setSlot] = useState<PickedSlot | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  const { pending, error, submit } = useApiSubmit((e) => {
    if (e.code === "SLOT_TAKEN") return t("book.slotTaken");
    const petName = who?.pets.find((p) => p.id === petId)?.name;
    if (e.code === "PET_BUSY") return petName ? t("book.petBusy", { pet: petName }) : t("book.slotTaken");
    return e.message || t("form.failed");
  });

  function choose(choice: PetOwnerChoice) {
    // another pet means other free times (the pet's own appointments count)
    if (choice.petId !== petId) setSlot(null);
    setWho(choice);
  }

  async function confirm() {
    if (!client || !petId || !serviceId || !slot) return;
    const vetId = vet && vet !== "any" ? vet : null;
    const r = await submit(() =>
      callApi(`${api}/appointments`, {
        method: "POST",
        body: { clientId: client.id, petId, serviceId, vetId, startsAt: slot.startsAt },
        headers: { "Idempotency-Key": newIdempotencyKey() },
      }),
    );
    if (!r) return;
    if (r.ok) {
      router.push(`/${clinicSlug}/staff/calendar?date=${localDate(new Date(slot.startsAt), timeZone)}`);
      router.refresh();
      return;
    }
    if (r.error.code === "SLOT_TAKEN" || r.error.code === "PET_BUSY") {
      setSlot(null);
      setReloadKey((k) => k + 1);
    }
  }

  const vets = serviceVets.filter((v) => v.serviceId === serviceId);
  return (
    <div className="space-y-5">
      <PetOwnerPicker locale={locale} clinicSlug={clinicSlug} value={who} onChange={choose} />
      {petId ? (
        <section className="space-y-2">
          <h2 className="font-semibold">{t("book.service")}</h2>
          <ChoiceList
            label={t("book.service")}
            value={serviceId}
            onChange={(v) => (setServiceId(v), setVet(null), setSlot(null))}
            choices={services.map((s) => ({
              value: s.id,
              label: s.name,
              hint: t("book.minutes", { n: s.durationMinutes }),
            }))}
          />
        </section>
      ) : null}
      {serviceId ? (
        <section className="space-y-2">
          <h2 className="font-semibold">{t("book.vet")}</h2>
          <ChoiceList
            label={t("book.vet")}
            value={vet}
            onChange={(v) => (setVet(v), setSlot(null))}
            choices={[
              { value: "any", label: t("book.anyVet") },
              ...vets.map((v) => ({ value: v.vetId, label: v.vetName })),
            ]}
          />
        </section>
      ) : null}
      {serviceId && vet ? (
        <SlotPicker
          locale={locale}
          clinicSlug={clinicSlug}
          timeZone={timeZone}
          serviceId={serviceId}
          vetId={vet === "any" ? null : vet}
          petId={petId}
          reloadKey={reloadKey}
          selected={slot?.startsAt}
          onPick={setSlot}
        />
      ) : null}
      <FormError message={error} />
      {slot ? (
        <Button onClick={confirm} pending={pending} className="w-full sm:w-auto">
          {t("book.confirmButton")} · {formatWhen(slot.startsAt, timeZone, locale)}
        </Button>
      ) : null}
    </div>
  );
}
