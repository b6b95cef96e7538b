"use client";
// The search box in the staff shell: a chosen client opens the client's page, a chosen pet its chart.
import { useRouter } from "next/navigation";
import type { Locale } from "@/lib/i18n";
import { translator } from "@/lib/i18n";
import { lookupMessages } from "@/lib/i18n/messages/lookup";
import { LookupCombobox, type LookupItem } from "./_components/lookup-combobox";

export function StaffSearch({ clinicSlug, locale }: { clinicSlug: string; locale: Locale }) {
  const t = translator(locale, lookupMessages);
  const router = useRouter();
  function open(item: LookupItem) {
    router.push(
      item.kind === "pet" ? `/${clinicSlug}/staff/pets/${item.id}` : `/${clinicSlug}/staff/clients/${item.id}`,
    );
  }
  return (
    <search className="mb-2 md:mb-0">
      <LookupCombobox
        clinicSlug={clinicSlug}
        locale={locale}
        label={t("label")}
        hint={t("hint")}
        placeholder={t("placeholder")}
        onChoose={open}
        slashToFocus
        clearOnChoose
      />
    </search>
  );
}
