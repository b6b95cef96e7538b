"use client";
// Booking from an empty cell of the calendar: the vet and the start are already chosen, so staff only find the
// client, pick the pet and one of that vet's services, and confirm. The database still checks the time is free.
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

interface Named {
  id: string;
  name: string;
}

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
  const [q, setQ] = useState("");
  const [clients, setClients] = useState<Named[] | null>(null);
  const [client, setClient] = useState<Named | null>(null);
  const [pets, setPets] = useState<Named[]>([]);
  const [petId, setPetId] = useState<string | null>(null);
  const [serviceId, setServiceId] = useState<string | null>(null);
  const { pending, error, submit } = useApiSubmit((e) => e.message || t("form.failed"));

  async function search(e: React.FormEvent) {
    e.preventDefault();
    const r = await callApi<{ items: { id: string; fullName: string }[] }>(
      `${api}/clients?${new URLSearchParams({ q, limit: "20" }).toString()}`,
    );
    setClients((r.ok ? r.data.items : []).map((c) => ({ id: c.id, name: c.fullName })));
  }

  async function pickClient(id: string) {
    setClient(clients?.find((x) => x.id === id) ?? null);
    setPetId(null);
    const r = await callApi<{ items: Named[] }>(`${api}/pets?${new URLSearchParams({ clientId: id }).toString()}`);
    setPets((r.ok ? r.data.items : []).map((p) => ({ id: p.id, name: p.name })));
  }

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
      <section className="space-y-2">
        <h2 className="font-semibold">{t("cal.client")}</h2>
        <form onSubmit={search} className="flex gap-2">
          <input
            type="search"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            aria-label={t("cal.searchClient")}
            placeholder={t("cal.searchClient")}
            className="min-h-11 min-w-0 flex-1 rounded-lg border border-slate-300 px-3 text-base"
          />
          <Button type="submit" variant="secondary">
            {t("cal.search")}
          </Button>
        </form>
        {clients && clients.length === 0 ? <p className="text-sm text-slate-600">{t("cal.noClients")}</p> : null}
        {clients && clients.length > 0 ? (
          <ChoiceList
            label={t("cal.client")}
            value={client?.id ?? null}
            onChange={pickClient}
            choices={clients.map((c) => ({ value: c.id, label: c.name }))}
          />
        ) : null}
      </section>
      {client ? (
        <section className="space-y-2">
          <h2 className="font-semibold">{t("book.pet")}</h2>
          <ChoiceList
            label={t("book.pet")}
            value={petId}
            onChange={setPetId}
            choices={pets.map((p) => ({ value: p.id, label: p.name }))}
          />
        </section>
      ) : null}
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
