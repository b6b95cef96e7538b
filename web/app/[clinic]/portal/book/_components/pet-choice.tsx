"use client";
// The client's pet step: the pets as choices, with a filter box above them once there are more than a handful
// (breeders and shelters book for dozens), so the list never has to be scrolled through.
import { useState } from "react";
import { ChoiceList } from "@/app/_components/choice-list";
import { translator, type Locale } from "@/lib/i18n";
import { lookupMessages } from "@/lib/i18n/messages/lookup";

const FILTER_FROM = 7;

export function PetChoice({
  locale,
  label,
  pets,
  value,
  onChange,
}: {
  locale: Locale;
  label: string;
  pets: { id: string; name: string }[];
  value: string | null;
  onChange: (petId: string) => void;
}) {
  const t = translator(locale, lookupMessages);
  const [filter, setFilter] = useState("");
  const term = filter.trim().toLocaleLowerCase(locale);
  const shown = term ? pets.filter((p) => p.name.toLocaleLowerCase(locale).includes(term)) : pets;
  return (
    <div className="space-y-2">
      {pets.length >= FILTER_FROM ? (
        <input
          type="search"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          aria-label={t("filterPets")}
          placeholder={t("filterPets")}
          autoComplete="off"
          className="min-h-11 w-full rounded-lg border border-slate-300 px-3 text-base"
        />
      ) : null}
      {shown.length ? (
        <ChoiceList
          label={label}
          value={value}
          onChange={onChange}
          choices={shown.map((p) => ({ value: p.id, label: p.name }))}
        />
      ) : (
        <p role="status" className="text-sm text-slate-600">
          {t("noPets")}
        </p>
      )}
    </div>
  );
}
