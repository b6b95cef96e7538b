"use client";
// "Who is it for?" in both staff booking forms: the clinic's search finds the pet or its owner (never a list of
// every pet); choosing a pet selects it among its owner's pets, choosing a client lists that client's pets (a
// handful), so a pet can be switched without searching again.
import { useCallback, useRef, useState } from "react";
import { ChoiceList } from "@/app/_components/choice-list";
import { callApi } from "@/lib/http/browser/call-api";
import { translator, type Locale } from "@/lib/i18n";
import { appointmentMessages } from "@/lib/i18n/messages/appointments";
import { lookupMessages } from "@/lib/i18n/messages/lookup";
import { LookupCombobox, type LookupItem } from "../../_components/lookup-combobox";

export interface Named {
  id: string;
  name: string;
}

/** The owner, the chosen pet (null until one is picked) and the owner's pets. */
export interface PetOwnerChoice {
  client: Named;
  petId: string | null;
  pets: Named[];
}

export function PetOwnerPicker(props: {
  locale: Locale;
  clinicSlug: string;
  value: PetOwnerChoice | null;
  onChange: (choice: PetOwnerChoice) => void;
}) {
  const { locale, clinicSlug, value, onChange } = props;
  const t = translator(locale, appointmentMessages);
  const tl = translator(locale, lookupMessages);
  const [loading, setLoading] = useState(false);
  // only the latest choice's pet list may land (a slow answer for an earlier choice is dropped)
  const latest = useRef(0);

  async function choose(item: LookupItem) {
    const client = { id: item.clientId, name: item.clientName };
    const petId = item.kind === "pet" ? item.id : null;
    const request = ++latest.current;
    onChange({ client, petId, pets: petId ? [{ id: petId, name: item.label }] : [] });
    setLoading(true);
    const r = await callApi<{ items: Named[] }>(
      `/api/clinics/${clinicSlug}/pets?${new URLSearchParams({ clientId: item.clientId }).toString()}`,
    );
    if (request !== latest.current) return;
    setLoading(false);
    if (r.ok) onChange({ client, petId, pets: r.data.items.map((p) => ({ id: p.id, name: p.name })) });
  }
  const bookable = useCallback((item: LookupItem) => !item.archived, []);

  return (
    <>
      <section className="space-y-2">
        <h2 className="font-semibold">{t("cal.client")}</h2>
        <LookupCombobox
          clinicSlug={clinicSlug}
          locale={locale}
          label={tl("bookLabel")}
          hint={tl("bookHint")}
          placeholder={tl("bookPlaceholder")}
          onChoose={choose}
          accept={bookable}
        />
        {value ? <p className="text-sm text-slate-700">{value.client.name}</p> : null}
      </section>
      {value ? (
        <section className="space-y-2" aria-busy={loading}>
          <h2 className="font-semibold">{t("book.pet")}</h2>
          <ChoiceList
            label={t("book.pet")}
            value={value.petId}
            onChange={(petId) => onChange({ ...value, petId })}
            choices={value.pets.map((p) => ({ value: p.id, label: p.name }))}
          />
        </section>
      ) : null}
    </>
  );
}
