"use client";
// "Issue credit note" on an issued invoice: an amount to credit per line (empty = none), a reason, then a
// confirmation step before anything is posted, because a credit note is final. The key is made once per
// form, so a double click or a retried request issues one note (the SQL returns the first for a repeated key).
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/app/_components/button";
import { Field } from "@/app/_components/field";
import { FormError, FormNotice } from "@/app/_components/form-error";
import { formatMoney, minorUnitsToInput, toMinorUnits } from "@/lib/format/money";
import { callApi } from "@/lib/http/browser/call-api";
import { describeWith, useApiSubmit } from "@/lib/http/browser/use-api-submit";
import { translator, type Locale } from "@/lib/i18n";
import { billingMessages } from "@/lib/i18n/messages/billing";

export interface CreditableLine {
  id: string;
  description: string;
  /** What is left of the line to credit, in the invoice's price terms. */
  remainingMinor: number;
}

type Item = { lineId: string; amountMinor: number | string };

export function CreditNoteForm(props: {
  locale: Locale;
  url: string;
  currency: string;
  invoiceNumber: string;
  pricesIncludeTax: boolean;
  lines: CreditableLine[];
}) {
  const t = translator(props.locale, billingMessages);
  const router = useRouter();
  const api = useApiSubmit(describeWith({ fixErrors: t("form.fixErrors"), failed: t("form.failed") }));
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [pending, setPending] = useState<{ items: Item[]; reason: string } | null>(null);
  const [missing, setMissing] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  // the list last posted: server field errors name a line by its index there (empty lines are left out)
  const [posted, setPosted] = useState<Item[]>([]);
  const money = (minor: number) => formatMoney(minor, props.currency, props.locale);

  function onReview(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const items: Item[] = [];
    for (const l of props.lines) {
      const raw = String(form.get(`credit-${l.id}`) ?? "").trim();
      if (raw === "") continue;
      const n = Number(raw.replace(",", "."));
      items.push({ lineId: l.id, amountMinor: Number.isFinite(n) ? toMinorUnits(n, props.currency) : raw });
    }
    setDone(null);
    setMissing(items.length === 0);
    if (items.length > 0) setPending({ items, reason: String(form.get("reason") ?? "") });
  }

  async function onConfirm() {
    if (!pending) return;
    setPosted(pending.items);
    const r = await api.submit(() =>
      callApi<{ creditNote: { number: string } }>(props.url, {
        method: "POST",
        body: { lines: pending.items, reason: pending.reason, idempotencyKey: key },
      }),
    );
    setPending(null);
    if (!r?.ok) return;
    setDone(t("credit.done", { number: r.data.creditNote.number }));
    setKey(crypto.randomUUID());
    router.refresh();
  }

  const total = pending?.items.reduce((a, i) => a + (typeof i.amountMinor === "number" ? i.amountMinor : 0), 0) ?? 0;
  const fieldOf = (lineId: string) => {
    const i = posted.findIndex((p) => p.lineId === lineId);
    return i < 0 ? undefined : (api.fields[`lines.${i}.amountMinor`] ?? api.fields[`lines.${i}.lineId`]);
  };
  return (
    <details className="rounded-xl bg-white p-4 shadow-sm">
      <summary className="cursor-pointer font-medium">{t("credit.title")}</summary>
      <form onSubmit={onReview} className="mt-2 space-y-3" noValidate aria-label={t("credit.title")}>
        <p className="text-sm text-slate-700">{t("credit.intro")}</p>
        <p className="text-sm text-slate-700">{t(props.pricesIncludeTax ? "credit.termsIncl" : "credit.termsExcl")}</p>
        <FormError message={api.error ?? (api.fields.lines?.[0] || (missing ? t("credit.none") : null))} />
        {done ? <FormNotice>{done}</FormNotice> : null}
        <div className="grid gap-3 sm:grid-cols-2">
          {props.lines.map((l) => (
            <Field
              key={`${l.id}-${l.remainingMinor}`}
              label={t("credit.lineAmount", {
                description: l.description,
                currency: props.currency,
                max: minorUnitsToInput(l.remainingMinor, props.currency),
              })}
              name={`credit-${l.id}`}
              inputMode="decimal"
              disabled={l.remainingMinor <= 0}
              error={fieldOf(l.id)}
            />
          ))}
        </div>
        <Field label={t("credit.reason")} name="reason" maxLength={500} error={api.fields.reason} />
        {pending ? (
          <div role="alertdialog" aria-labelledby="credit-confirm" className="space-y-2 rounded-lg bg-amber-50 p-3">
            <p id="credit-confirm" className="text-sm font-medium">
              {t("credit.confirmText", {
                amount: money(total),
                count: pending.items.length,
                number: props.invoiceNumber,
              })}
            </p>
            <div className="flex flex-wrap gap-2">
              <Button type="button" variant="danger" pending={api.pending} onClick={() => void onConfirm()}>
                {t("credit.confirm")}
              </Button>
              <Button type="button" variant="secondary" onClick={() => setPending(null)}>
                {t("credit.back")}
              </Button>
            </div>
          </div>
        ) : (
          <Button type="submit">{t("credit.review")}</Button>
        )}
      </form>
    </details>
  );
}
