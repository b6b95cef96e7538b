"use client";
// Booking from an empty cell of the calendar: the vet and the start are already chosen, so staff only find the
// pet or its owner in the clinic's search, pick one of that vet's services, and confirm. The database still
// checks the time is free.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/app/_components/button";
import { ChoiceList } from "@/app/_components/choice-list";
import { FormError } from "@/app/_components/form-error";
import { formatWhen, localDate } from "@/lib/format/time";
import { callApi, newIdempotencyKey } from "@/lib/http/browser/call-api";
import { useApiSubmit } from "@/lib/http/browser/use-api-submit";
import { translator, type Locale } from "@/lib/i18n";
import { appointmentMessages } from "@/lib/i18n/messages/appointments";
import { PetOwnerPicker, type Named, type PetOwnerChoice } from "./pet-owner-picker";

export function BookAtTimeForm(props: {
  locale: Locale;
  clinicSlug: string;
  timeZone: string;
  vet: Named;
  startsAt: string;
  services: { id: string; name: string; durationMinutes: number }[];
}) {
  const { locale, clinicSlug, timeZone, vet, startsAt } = props;
  const t = translator(locale, appointmentMessages);
  const router = useRouter();
  const api = `/api/clinics/${clinicSlug}`;
  const [who, setWho] = useState<PetOwnerChoice | null>(null);
  const [serviceId, setServiceId] = useState<string | null>(null);
  const { pending, error, submit } = useApiSubmit((e) => e.message || t("form.failed"));
  const client = who?.client;
  const petId = who?.petId;

  async function confirm() {
    if (!client || !petId || !serviceId) return;
    const r = await submit(() =>
      callApi(`${api}/appointments`, {
        method: "POST",
        body: { clientId: client.id, petId, serviceId, vetId: vet.id, startsAt },
        headers: { "Idempotency-Key": newIdempotencyKey() },
      }),
    );
    if (r?.ok) {
      router.push(`/${clinicSlug}/staff/calendar?date=${localDate(new Date(startsAt), timeZone)}`);
      router.refresh();
    }
  }

  return (
    <div className="space-y-5">
      <p className="rounded-lg bg-brand-50 p-3 font-medium" data-testid="booking-at">
        {t("cal.bookingAt", { vet: vet.name, when: formatWhen(startsAt, timeZone, locale) })}{" "}
        <Link className="text-sm font-normal text-brand-700 underline" href={`/${clinicSlug}/staff/calendar/new`}>
          {t("book.change")}
        </Link>
      </p>
      <PetOwnerPicker locale={locale} clinicSlug={clinicSlug} value={who} onChange={setWho} />
      {petId ? (
        <section className="space-y-2">
          <h2 className="font-semibold">{t("book.service")}</h2>
          <ChoiceList
            label={t("book.service")}
            value={serviceId}
            onChange={setServiceId}
            choices={props.services.map((s) => ({
              value: s.id,
              label: s.name,
              hint: t("book.minutes", { n: s.durationMinutes }),
            }))}
          />
        </section>
      ) : null}
      <FormError message={error} />
      {serviceId ? (
        <Button onClick={confirm} pending={pending} className="w-full sm:w-auto">
          {t("book.confirmButton")} · {formatWhen(startsAt, timeZone, locale)}
        </Button>
      ) : null}
    </div>
  );
}
