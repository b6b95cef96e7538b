"use client";
// The actions on one invoice: issue a draft, record a desk payment, refund a payment, void. Each posts to its
// route and reloads the page's server data. Payment and refund keys are made once per form, so a double
// click or a retried request is recorded once (the SQL returns the first row for a repeated key).
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/app/_components/button";
import { Field } from "@/app/_components/field";
import { FormError, FormNotice } from "@/app/_components/form-error";
import { LabelledSelect } from "@/app/_components/inputs";
import { minorUnitsToInput, toMinorUnits } from "@/lib/format/money";
import { callApi } from "@/lib/http/browser/call-api";
import { describeWith, useApiSubmit } from "@/lib/http/browser/use-api-submit";
import { translator, type Locale } from "@/lib/i18n";
import { billingMessages } from "@/lib/i18n/messages/billing";

const selectClass =
  "min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100";

function useAction(locale: Locale) {
  const t = translator(locale, billingMessages);
  const router = useRouter();
  const api = useApiSubmit(describeWith({ fixErrors: t("form.fixErrors"), failed: t("form.failed") }));
  const [done, setDone] = useState<string | null>(null);
  async function post(url: string, body: unknown, doneText: string): Promise<boolean> {
    setDone(null);
    const r = await api.submit(() => callApi(url, { method: "POST", body }));
    if (!r?.ok) return false;
    setDone(doneText);
    router.refresh();
    return true;
  }
  return { t, post, done, ...api };
}

const amount = (s: string, currency: string): number | string => {
  const n = Number(s.trim().replace(",", "."));
  return s.trim() !== "" && Number.isFinite(n) ? toMinorUnits(n, currency) : s;
};

export function IssueButton(props: { locale: Locale; url: string }) {
  const { t, post, pending, error } = useAction(props.locale);
  return (
    <div className="space-y-2">
      <FormError message={error} />
      <Button pending={pending} onClick={() => void post(`${props.url}/issue`, undefined, "")}>
        {t("invoice.issue")}
      </Button>
    </div>
  );
}

export function RecordPaymentForm(props: { locale: Locale; url: string; currency: string; balanceMinor: number }) {
  const { t, post, pending, error, fields, done } = useAction(props.locale);
  const [key, setKey] = useState(() => crypto.randomUUID());
  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const ok = await post(
      `${props.url}/payments`,
      {
        method: String(form.get("method")),
        amountMinor: amount(String(form.get("amount") ?? ""), props.currency),
        reference: String(form.get("reference") ?? "").trim() || null,
        idempotencyKey: key,
      },
      t("pay.done"),
    );
    if (ok) setKey(crypto.randomUUID());
  }
  return (
    <form
      onSubmit={onSubmit}
      className="space-y-3 rounded-xl bg-white p-4 shadow-sm"
      noValidate
      aria-labelledby="pay-heading"
    >
      <h2 id="pay-heading" className="text-lg font-semibold">
        {t("pay.title")}
      </h2>
      <FormError message={error} />
      {done ? <FormNotice>{done}</FormNotice> : null}
      <div className="grid gap-3 sm:grid-cols-3">
        <LabelledSelect
          label={t("pay.method")}
          id="pay-method"
          name="method"
          className={selectClass}
          defaultValue="cash"
        >
          {(["cash", "card_terminal", "bank_transfer"] as const).map((m) => (
            <option key={m} value={m}>
              {t(`method.${m}`)}
            </option>
          ))}
        </LabelledSelect>
        <Field
          label={t("pay.amount", { currency: props.currency })}
          name="amount"
          inputMode="decimal"
          defaultValue={minorUnitsToInput(props.balanceMinor, props.currency)}
          key={props.balanceMinor}
          error={fields.amountMinor}
        />
        <Field label={t("pay.reference")} name="reference" maxLength={200} error={fields.reference} />
      </div>
      <Button type="submit" pending={pending}>
        {t("pay.submit")}
      </Button>
    </form>
  );
}

export function RefundForm(props: {
  locale: Locale;
  url: string;
  currency: string;
  paymentId: string;
  refundableMinor: number;
  label: string;
}) {
  const { t, post, pending, error, fields, done } = useAction(props.locale);
  const [key, setKey] = useState(() => crypto.randomUUID());
  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const ok = await post(
      props.url,
      {
        amountMinor: amount(String(form.get("amount") ?? ""), props.currency),
        reason: String(form.get("reason") ?? ""),
        idempotencyKey: key,
      },
      t("refund.done"),
    );
    if (ok) setKey(crypto.randomUUID());
  }
  return (
    <details className="rounded-lg border border-slate-200 p-3">
      <summary className="cursor-pointer text-sm font-medium">
        {t("refund.title")} · {props.label}
      </summary>
      <form onSubmit={onSubmit} className="mt-2 space-y-2" noValidate>
        <FormError message={error} />
        {done ? <FormNotice>{done}</FormNotice> : null}
        <Field
          label={t("refund.amount", { currency: props.currency })}
          name="amount"
          inputMode="decimal"
          defaultValue={minorUnitsToInput(props.refundableMinor, props.currency)}
          key={props.refundableMinor}
          error={fields.amountMinor}
        />
        <Field label={t("refund.reason")} name="reason" maxLength={500} error={fields.reason} />
        <Button type="submit" variant="danger" pending={pending}>
          {t("refund.submit")}
        </Button>
      </form>
    </details>
  );
}

export function VoidForm(props: { locale: Locale; url: string }) {
  const { t, post, pending, error, fields } = useAction(props.locale);
  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    await post(`${props.url}/void`, { reason: String(form.get("reason") ?? "") }, "");
  }
  return (
    <details className="rounded-xl bg-white p-4 shadow-sm">
      <summary className="cursor-pointer font-medium text-red-800">{t("void.title")}</summary>
      <form onSubmit={onSubmit} className="mt-2 space-y-2" noValidate>
        <FormError message={error} />
        <Field label={t("void.reason")} name="reason" maxLength={500} error={fields.reason} />
        <Button type="submit" variant="danger" pending={pending}>
          {t("void.submit")}
        </Button>
      </form>
    </details>
  );
}
