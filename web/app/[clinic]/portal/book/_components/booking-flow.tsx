"use client";
// The client's booking flow, one step at a time on a phone: pet, service, vet (or any), day and time,
// confirm. A lost race shows "That time was just taken" with the next free times from the 409 body. Each
// new step takes the focus (its heading), so keyboard and screen-reader users land on what just appeared.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/app/_components/button";
import { FormError } from "@/app/_components/form-error";
import { translator, type Locale } from "@/lib/i18n";
import { appointmentMessages } from "@/lib/i18n/messages/appointments";
import { callApi, newIdempotencyKey } from "@/lib/http/browser/call-api";
import { useApiSubmit } from "@/lib/http/browser/use-api-submit";
import { ChoiceList } from "@/app/_components/choice-list";
import { PetChoice } from "./pet-choice";
import { offeredSlots, SlotPicker, type PickedSlot } from "@/app/_components/slot-picker";
import { formatMoney } from "@/lib/format/money";
import { formatWhen } from "@/lib/format/time";

export interface BookingOptions {
  pets: { id: string; name: string }[];
  services: {
    id: string;
    name: string;
    durationMinutes: number;
    priceCents: number;
    currency: string;
    instructions: string | null;
  }[];
  serviceVets: { serviceId: string; vetId: string; vetName: string }[];
}

type Step = "pet" | "service" | "vet" | "slot" | "confirm";
const ANY = "any";

export function BookingFlow({
  locale,
  clinicSlug,
  timeZone,
  options,
}: {
  locale: Locale;
  clinicSlug: string;
  timeZone: string;
  options: BookingOptions;
}) {
  const t = translator(locale, appointmentMessages);
  const router = useRouter();
  const [step, setStep] = useState<Step>(options.pets.length === 1 ? "service" : "pet");
  const [petId, setPetId] = useState<string | null>(options.pets.length === 1 ? (options.pets[0]?.id ?? null) : null);
  const [serviceId, setServiceId] = useState<string | null>(null);
  const [vet, setVet] = useState<string | null>(null);
  const [slot, setSlot] = useState<PickedSlot | null>(null);
  const [notes, setNotes] = useState("");
  const [taken, setTaken] = useState<PickedSlot[] | null>(null);
  const stepRef = useRef<HTMLDivElement>(null);
  const shown = useRef(false);

  useEffect(() => {
    // Not on the first render: opening the page keeps the browser's own focus order.
    if (!shown.current) {
      shown.current = true;
      return;
    }
    stepRef.current?.querySelector<HTMLElement>("[data-step-heading]")?.focus();
  }, [step]);

  const pet = options.pets.find((p) => p.id === petId);
  const service = options.services.find((s) => s.id === serviceId);
  const vets = options.serviceVets.filter((v) => v.serviceId === serviceId);
  const vetId = vet === ANY ? null : vet;
  const vetName = vets.find((v) => v.vetId === vetId)?.vetName;
  // a lost slot shows the next free times instead of a message
  const { pending, error, submit } = useApiSubmit((e) =>
    e.code === "SLOT_TAKEN"
      ? null
      : e.code === "PET_BUSY" && pet
        ? t("book.petBusy", { pet: pet.name })
        : e.message || t("book.failed"),
  );

  async function confirm() {
    if (!petId || !serviceId || !slot) return;
    const body = { petId, serviceId, startsAt: slot.startsAt, vetId, notes: notes.trim() || null };
    const r = await submit(() =>
      callApi<{ appointment: { id: string } }>(`/api/clinics/${clinicSlug}/appointments`, {
        method: "POST",
        body,
        headers: { "Idempotency-Key": newIdempotencyKey() },
      }),
    );
    if (!r) return;
    if (r.ok) {
      router.push(`/${clinicSlug}/portal/appointments?done=booked`);
      router.refresh();
      return;
    }
    if (r.error.code === "SLOT_TAKEN") setTaken(offeredSlots(r.error));
  }

  const summary: { label: string; value: string; step: Step }[] = [];
  if (pet) summary.push({ label: t("book.pet"), value: pet.name, step: "pet" });
  if (service) summary.push({ label: t("book.service"), value: service.name, step: "service" });
  if (vet) summary.push({ label: t("book.vet"), value: vetName ?? t("book.anyVet"), step: "vet" });

  return (
    <div ref={stepRef} className="space-y-5">
      {summary.length ? (
        <div className="divide-y divide-slate-100 rounded-xl bg-white px-4 shadow-sm">
          {summary.map((s) => (
            <div key={s.step} className="flex items-center justify-between gap-2 py-2">
              <dl className="min-w-0">
                <dt className="text-xs text-slate-500">{s.label}</dt>
                <dd className="truncate font-medium">{s.value}</dd>
              </dl>
              <button
                type="button"
                className="min-h-11 px-2 text-sm font-medium text-brand-700"
                onClick={() => setStep(s.step)}
              >
                {t("book.change")}
              </button>
            </div>
          ))}
        </div>
      ) : null}

      {step === "pet" ? (
        <section className="space-y-2">
          <StepHeading>{t("book.pet")}</StepHeading>
          <PetChoice
            locale={locale}
            label={t("book.pet")}
            pets={options.pets}
            value={petId}
            onChange={(v) => (setPetId(v), setStep(serviceId ? "slot" : "service"))}
          />
        </section>
      ) : null}

      {step === "service" ? (
        <section className="space-y-2">
          <StepHeading>{t("book.service")}</StepHeading>
          <ChoiceList
            label={t("book.service")}
            value={serviceId}
            onChange={(v) => (setServiceId(v), setVet(null), setSlot(null), setStep("vet"))}
            choices={options.services.map((s) => ({
              value: s.id,
              label: s.name,
              hint: [
                `${t("book.minutes", { n: s.durationMinutes })} · ${formatMoney(s.priceCents, s.currency, locale)}`,
                s.instructions,
              ]
                .filter(Boolean)
                .join(" — "),
            }))}
          />
        </section>
      ) : null}

      {step === "vet" ? (
        <section className="space-y-2">
          <StepHeading>{t("book.vet")}</StepHeading>
          <ChoiceList
            label={t("book.vet")}
            value={vet}
            onChange={(v) => (setVet(v), setSlot(null), setStep("slot"))}
            choices={[
              { value: ANY, label: t("book.anyVet"), hint: t("book.anyVetHint") },
              ...vets.map((v) => ({ value: v.vetId, label: v.vetName })),
            ]}
          />
        </section>
      ) : null}

      {step === "slot" && serviceId ? (
        <section className="space-y-2">
          <StepHeading>{t("book.when")}</StepHeading>
          <SlotPicker
            locale={locale}
            clinicSlug={clinicSlug}
            timeZone={timeZone}
            serviceId={serviceId}
            vetId={vetId}
            petId={petId}
            selected={slot?.startsAt}
            onPick={(s) => (setSlot(s), setTaken(null), setStep("confirm"))}
          />
          <Link
            href={`/${clinicSlug}/portal/request`}
            className="inline-block min-h-11 py-2 text-sm font-medium text-brand-700"
          >
            {t("book.nothingFits")}
          </Link>
        </section>
      ) : null}

      {step === "confirm" && slot && service ? (
        <section className="space-y-3">
          <StepHeading>{t("book.confirm")}</StepHeading>
          <div className="rounded-xl bg-white p-4 shadow-sm">
            <p className="text-lg font-semibold" data-testid="chosen-slot" data-starts-at={slot.startsAt}>
              {formatWhen(slot.startsAt, timeZone, locale)}
            </p>
            <p className="text-sm text-slate-600">
              {t("slots.timeZone", { tz: timeZone })} · {service.name}
              {vetId ? ` · ${t("slots.with", { name: slot.vetName })}` : ""}
            </p>
            {service.instructions ? <p className="mt-2 text-sm text-slate-700">{service.instructions}</p> : null}
          </div>
          {taken ? (
            <div role="alert" className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-3">
              <p className="font-semibold text-amber-900">{t("book.slotTaken")}</p>
              <p className="text-sm text-amber-900">{taken.length ? t("book.slotTakenHint") : t("book.noNextSlots")}</p>
              <div className="grid grid-cols-2 gap-2">
                {taken.map((s) => (
                  <button
                    key={s.startsAt}
                    type="button"
                    onClick={() => (setSlot(s), setTaken(null))}
                    className="min-h-11 rounded-lg border border-amber-400 bg-white px-2 text-sm font-medium"
                  >
                    {formatWhen(s.startsAt, timeZone, locale)}
                  </button>
                ))}
              </div>
            </div>
          ) : null}
          <FormError message={error} />
          <label className="block text-sm font-medium text-slate-800">
            {t("book.notes")}
            <textarea
              value={notes}
              onChange={(e) => setNotes(e.target.value)}
              maxLength={2000}
              rows={2}
              className="mt-1 block w-full rounded-lg border border-slate-300 px-3 py-2 text-base"
            />
          </label>
          <div className="flex flex-col gap-2 sm:flex-row">
            <Button onClick={confirm} pending={pending} disabled={Boolean(taken)} className="w-full sm:w-auto">
              {t("book.confirmButton")}
            </Button>
            <Button variant="secondary" onClick={() => setStep("slot")} className="w-full sm:w-auto">
              {t("book.back")}
            </Button>
          </div>
        </section>
      ) : null}
    </div>
  );
}

function StepHeading({ children }: { children: React.ReactNode }) {
  return (
    <h2 data-step-heading tabIndex={-1} className="text-lg font-semibold focus:outline-none">
      {children}
    </h2>
  );
}
