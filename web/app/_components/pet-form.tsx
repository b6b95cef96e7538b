"use client";
// Add or edit a pet through the pets JSON route; field errors from the server appear under each field.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/app/_components/button";
import { Field } from "@/app/_components/field";
import { FormError, FormNotice } from "@/app/_components/form-error";
import { translator, type Locale } from "@/lib/i18n";
import { clientMessages } from "@/lib/i18n/messages/clients";
import { petMessages } from "@/lib/i18n/messages/pets";
import { petSexes, petSpecies, type PetRecord } from "@/lib/pets/pet-record";
import { SelectField, TextAreaField } from "@/app/_components/inputs";
import { callApi } from "@/lib/http/browser/call-api";
import { describeWith, useApiSubmit } from "@/lib/http/browser/use-api-submit";
import { textOrNull } from "./form-values";

interface PetFormProps {
  locale: Locale;
  clinicSlug: string;
  /** Editing this pet; absent to add one. */
  pet?: Pick<PetRecord, "id" | "name" | "species" | "breed" | "sex" | "birthDate" | "weightKg" | "microchip" | "notes">;
  /** Staff adding a pet for a client; clients add for themselves. */
  clientId?: string;
  /** Where to go after saving a new pet. */
  doneHref: string;
}

function readPet(form: FormData) {
  const weight = textOrNull(form, "weightKg");
  const kg = weight === null ? null : Number(weight.replace(",", "."));
  return {
    name: String(form.get("name") ?? ""),
    species: String(form.get("species") ?? ""),
    sex: String(form.get("sex") ?? "unknown"),
    breed: textOrNull(form, "breed"),
    birthDate: textOrNull(form, "birthDate"),
    // A non-number is sent as typed so the server names the field.
    weightKg: kg !== null && Number.isFinite(kg) ? kg : weight,
    microchip: textOrNull(form, "microchip"),
    notes: textOrNull(form, "notes"),
  };
}

export function PetForm({ locale, clinicSlug, pet, clientId, doneHref }: PetFormProps) {
  const t = translator(locale, petMessages);
  const tc = translator(locale, clientMessages);
  const router = useRouter();
  const { pending, error, fields, submit } = useApiSubmit(
    describeWith({ fixErrors: tc("form.fixErrors"), failed: tc("form.failed") }),
  );
  const [saved, setSaved] = useState(false);

  /** An optional field's name, the pet's current value (empty when none) and its error. */
  const bound = <K extends "breed" | "birthDate" | "weightKg" | "microchip" | "notes">(key: K) => ({
    name: key,
    defaultValue: pet?.[key] ?? "",
    error: fields[key],
  });

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const formEl = e.currentTarget;
    setSaved(false);
    const body = readPet(new FormData(formEl));
    const base = `/api/clinics/${clinicSlug}/pets`;
    const r = await submit(() =>
      pet
        ? callApi(`${base}/${pet.id}`, { method: "PATCH", body })
        : callApi(base, { method: "POST", body: clientId ? { ...body, clientId } : body }),
    );
    if (!r?.ok) return;
    if (pet) {
      setSaved(true);
      router.refresh();
    } else {
      formEl.reset();
      router.push(doneHref);
      router.refresh();
    }
  }

  const today = new Date().toISOString().slice(0, 10);
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <FormError message={error} />
      {saved ? <FormNotice>{t("saved")}</FormNotice> : null}
      <Field label={t("name")} name="name" required maxLength={80} defaultValue={pet?.name} error={fields.name} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label={t("species")}
          name="species"
          defaultValue={pet?.species ?? "dog"}
          options={petSpecies.map((s) => ({ value: s, label: t(`species.${s}`) }))}
          error={fields.species}
        />
        <SelectField
          label={t("sex")}
          name="sex"
          defaultValue={pet?.sex ?? "unknown"}
          options={petSexes.map((s) => ({ value: s, label: t(`sex.${s}`) }))}
          error={fields.sex}
        />
      </div>
      <Field label={t("breed")} {...bound("breed")} maxLength={80} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("birthDate")} {...bound("birthDate")} type="date" max={today} />
        <Field label={t("weightKg")} {...bound("weightKg")} inputMode="decimal" />
      </div>
      <Field label={t("microchip")} {...bound("microchip")} hint={t("microchipHint")} maxLength={40} />
      <TextAreaField label={t("notes")} {...bound("notes")} maxLength={4000} />
      {fields.clientId ? <FormError message={fields.clientId[0]} /> : null}
      <Button type="submit" pending={pending} className="w-full sm:w-auto">
        {pet ? t("save") : t("create")}
      </Button>
    </form>
  );
}
