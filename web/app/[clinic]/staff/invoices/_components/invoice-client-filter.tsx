"use client";
// The invoices list's client filter: the lookup combobox (clients only) instead of a select, which listed only the
// first 100 clients. The chosen client travels in a hidden clientId field of the list's GET form; "Any client"
// clears it. The client chosen in the address is resolved on the server and shown as the box's text.
import { useState } from "react";
import { translator, type Locale } from "@/lib/i18n";
import { billingMessages } from "@/lib/i18n/messages/billing";
import { LookupCombobox } from "../../_components/lookup-combobox";

interface Props {
  clinicSlug: string;
  locale: Locale;
  initial: { id: string; fullName: string } | null;
}

export function InvoiceClientFilter({ clinicSlug, locale, initial }: Props) {
  const t = translator(locale, billingMessages);
  const [client, setClient] = useState(initial);
  // a new key remounts the box empty when the choice is cleared
  const [generation, setGeneration] = useState(0);
  return (
    <div className="flex flex-col gap-1">
      <span className="text-sm font-medium" aria-hidden="true">
        {t("filter.client")}
      </span>
      <LookupCombobox
        key={generation}
        clinicSlug={clinicSlug}
        locale={locale}
        label={t("filter.client")}
        hint={t("editor.clientHint")}
        placeholder={t("filter.anyClient")}
        kind="client"
        initialText={client?.fullName}
        onChoose={(item) => setClient({ id: item.id, fullName: item.label })}
      />
      <input type="hidden" name="clientId" value={client?.id ?? ""} />
      {client ? (
        <button
          type="button"
          className="self-start text-sm text-brand-700 underline"
          onClick={() => {
            setClient(null);
            setGeneration((g) => g + 1);
          }}
        >
          {t("filter.anyClient")}
        </button>
      ) : null}
    </div>
  );
}
