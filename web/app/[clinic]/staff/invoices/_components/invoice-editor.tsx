"use client";
// The draft editor: a client (new invoices only), lines with a tax rate each, notes. Prices are typed in
// units and sent in minor units; the server computes every total. Saving a new draft opens its page.
// The client is found with the front-desk lookup (clients only), so a clinic with thousands of clients is
// searched on the server rather than listed; the choice lives in a hidden input that the server can fill
// (?clientId=), so a client chosen by the link is there before the page hydrates.
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { Button } from "@/app/_components/button";
import { Field } from "@/app/_components/field";
import { FormError, FormNotice } from "@/app/_components/form-error";
import { LabelledSelect } from "@/app/_components/inputs";
import { LookupCombobox } from "../../_components/lookup-combobox";
import type { InvoiceLine } from "@/lib/billing/get-invoice";
import type { TaxRate } from "@/lib/billing/tax-rates";
import { minorUnitsToInput, toMinorUnits } from "@/lib/format/money";
import { callApi } from "@/lib/http/browser/call-api";
import { describeWith, useApiSubmit } from "@/lib/http/browser/use-api-submit";
import { translator, type Locale } from "@/lib/i18n";
import { billingMessages } from "@/lib/i18n/messages/billing";

type Kind = "service" | "product" | "text";
interface Row {
  key: number;
  kind: Kind;
  description: string;
  quantity: string;
  price: string;
  discount: string;
  taxRateId: string;
}

interface Props {
  locale: Locale;
  clinicSlug: string;
  currency: string;
  pricesIncludeTax: boolean;
  taxRates: TaxRate[];
  /** The clinic's active services: a service line can be filled from one (name and price). */
  services?: { id: string; name: string; priceMinor: number }[];
  /** New invoice: pick the client (optionally one already chosen, from the URL). */
  newInvoice?: { client: { id: string; fullName: string } | null };
  /** Existing draft. */
  invoiceId?: string;
  lines?: InvoiceLine[];
  notes?: string | null;
}

const selectClass =
  "min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100";

const toNumber = (s: string): number | string => {
  const n = Number(s.trim().replace(",", "."));
  return s.trim() !== "" && Number.isFinite(n) ? n : s;
};

export function InvoiceEditor(props: Props) {
  const t = translator(props.locale, billingMessages);
  const router = useRouter();
  const { pending, error, fields, submit } = useApiSubmit(
    describeWith({ fixErrors: t("form.fixErrors"), failed: t("form.failed") }),
  );
  const [saved, setSaved] = useState(false);
  const [client, setClient] = useState(props.newInvoice?.client ?? null);
  const defaultRate = props.taxRates[0]?.id ?? "";
  // Row keys name the inputs (line-<key>-tax), so the first render's keys must be the same on the server and in
  // the browser: hydration keeps the server's attributes, and a key from the clock made a select keep a name
  // the submit no longer looked for (the chosen tax rate was sent as none). Later rows count on from there.
  const nextKey = useRef(Math.max(props.lines?.length ?? 0, 1));
  const blank = (key: number): Row => ({
    key,
    kind: "service",
    description: "",
    quantity: "1",
    price: "",
    discount: "",
    taxRateId: defaultRate,
  });
  const [rows, setRows] = useState<Row[]>(() =>
    props.lines?.length
      ? props.lines.map((l, i) => ({
          key: i,
          kind: l.kind,
          description: l.description,
          quantity: String(l.quantity),
          price: minorUnitsToInput(l.unitPriceMinor, props.currency),
          discount: l.discountMinor ? minorUnitsToInput(l.discountMinor, props.currency) : "",
          taxRateId: l.taxRateId ?? defaultRate,
        }))
      : [blank(0)],
  );
  // inputs are uncontrolled and read from the form on submit: what is typed before hydration is kept
  const setKind = (key: number, kind: Kind) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, kind } : r)));
  // inputs stay uncontrolled (see above), so choosing a service writes its name and price into them; the
  // staff can still change either before saving
  const fillFromService = (select: HTMLSelectElement, key: number) => {
    const service = props.services?.find((sv) => sv.id === select.value);
    const form = select.form;
    if (!service || !form) return;
    const input = (name: string) => form.elements.namedItem(`line-${key}-${name}`) as HTMLInputElement | null;
    const description = input("description");
    const price = input("price");
    if (description) description.value = service.name;
    if (price) price.value = minorUnitsToInput(service.priceMinor, props.currency);
  };
  const money = (s: string) => {
    const n = toNumber(s);
    return typeof n === "number" ? toMinorUnits(n, props.currency) : n;
  };

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setSaved(false);
    const form = new FormData(e.currentTarget);
    const field = (key: number, name: string) => String(form.get(`line-${key}-${name}`) ?? "");
    const lines = rows.map((r) => {
      const kind = (field(r.key, "kind") || r.kind) as Kind;
      return kind === "text"
        ? { kind, description: field(r.key, "description") }
        : {
            kind,
            description: field(r.key, "description"),
            quantity: toNumber(field(r.key, "quantity")),
            unitPriceMinor: money(field(r.key, "price") || "0"),
            discountMinor: money(field(r.key, "discount") || "0"),
            taxRateId: field(r.key, "tax") || null,
          };
    });
    const base = `/api/clinics/${props.clinicSlug}/invoices`;
    const body = { lines, notes: String(form.get("notes") ?? "").trim() || null };
    const clientId = String(form.get("clientId") ?? "");
    if (props.invoiceId) {
      const r = await submit(() => callApi(`${base}/${props.invoiceId}`, { method: "PUT", body }));
      if (r?.ok) {
        setSaved(true);
        router.refresh();
      }
      return;
    }
    const r = await submit(() =>
      callApi<{ invoice: { id: string } }>(base, { method: "POST", body: { ...body, clientId } }),
    );
    if (r?.ok) router.push(`/${props.clinicSlug}/staff/invoices/${r.data.invoice.id}`);
  }

  const err = (i: number, name: string) => fields[`lines.${i}.${name}`]?.[0] ?? null;
  const unit = { currency: props.currency };
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <FormError message={error} />
      {saved ? <FormNotice>{t("editor.saved")}</FormNotice> : null}
      {props.taxRates.length === 0 ? <FormError message={t("editor.noRates")} /> : null}
      <p className="text-sm text-slate-600">
        {props.pricesIncludeTax ? t("editor.pricesInclude") : t("editor.pricesExclude")}
      </p>
      {props.newInvoice ? (
        <div className="flex flex-col gap-1">
          <span className="text-sm font-medium text-slate-800" aria-hidden="true">
            {t("editor.client")}
          </span>
          <LookupCombobox
            clinicSlug={props.clinicSlug}
            locale={props.locale}
            label={t("editor.client")}
            hint={t("editor.clientHint")}
            placeholder={t("editor.clientPlaceholder")}
            kind="client"
            initialText={client?.fullName}
            onChoose={(item) => setClient({ id: item.id, fullName: item.label })}
          />
          <input type="hidden" name="clientId" value={client?.id ?? ""} />
          <p className="text-sm text-slate-700" data-testid="invoice-client">
            {client ? t("editor.invoiceFor", { name: client.fullName }) : t("editor.pickClient")}
          </p>
          {fields.clientId?.[0] ? <p className="text-sm text-red-700">{fields.clientId[0]}</p> : null}
        </div>
      ) : null}
      <fieldset className="space-y-3">
        <legend className="text-lg font-semibold">{t("editor.lines")}</legend>
        {rows.map((r, i) => (
          <fieldset key={r.key} className="grid gap-2 rounded-lg border border-slate-200 bg-white p-3 sm:grid-cols-6">
            <legend className="sr-only">{t("editor.line", { n: i + 1 })}</legend>
            <LabelledSelect
              label={t("editor.kind")}
              id={`line-${r.key}-kind`}
              name={`line-${r.key}-kind`}
              defaultValue={r.kind}
              onChange={(e) => setKind(r.key, e.target.value as Kind)}
              className={selectClass}
            >
              {(["service", "product", "text"] as const).map((k) => (
                <option key={k} value={k}>
                  {t(`editor.kind.${k}`)}
                </option>
              ))}
            </LabelledSelect>
            {r.kind === "service" && props.services?.length ? (
              <div className="sm:col-span-2">
                <LabelledSelect
                  label={t("editor.fromService")}
                  id={`line-${r.key}-service`}
                  defaultValue=""
                  className={selectClass}
                  onChange={(e) => fillFromService(e.currentTarget, r.key)}
                >
                  <option value="">{t("editor.fromServiceNone")}</option>
                  {props.services.map((sv) => (
                    <option key={sv.id} value={sv.id}>
                      {sv.name}
                    </option>
                  ))}
                </LabelledSelect>
              </div>
            ) : null}
            <Field
              className={r.kind === "service" && props.services?.length ? "sm:col-span-3" : "sm:col-span-5"}
              label={t("editor.description")}
              name={`line-${r.key}-description`}
              defaultValue={r.description}
              maxLength={500}
              error={err(i, "description")}
            />
            {r.kind !== "text" ? (
              <>
                <Field
                  label={t("editor.quantity")}
                  name={`line-${r.key}-quantity`}
                  inputMode="decimal"
                  defaultValue={r.quantity}
                  error={err(i, "quantity")}
                />
                <Field
                  className="sm:col-span-2"
                  label={t("editor.unitPrice", unit)}
                  name={`line-${r.key}-price`}
                  inputMode="decimal"
                  defaultValue={r.price}
                  error={err(i, "unitPriceMinor")}
                />
                <Field
                  label={t("editor.discount", unit)}
                  name={`line-${r.key}-discount`}
                  inputMode="decimal"
                  defaultValue={r.discount}
                  error={err(i, "discountMinor")}
                />
                <LabelledSelect
                  label={t("editor.taxRate")}
                  id={`line-${r.key}-tax`}
                  name={`line-${r.key}-tax`}
                  defaultValue={r.taxRateId}
                  className={selectClass}
                  error={err(i, "taxRateId")}
                >
                  {props.taxRates.map((rate) => (
                    <option key={rate.id} value={rate.id}>
                      {rate.name}
                    </option>
                  ))}
                </LabelledSelect>
              </>
            ) : null}
            <div className="flex items-end sm:col-span-6 sm:justify-end">
              <Button
                variant="secondary"
                onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}
                aria-label={t("editor.removeLine", { n: i + 1 })}
              >
                ✕
              </Button>
            </div>
          </fieldset>
        ))}
        <Button variant="secondary" onClick={() => setRows((rs) => [...rs, blank(nextKey.current++)])}>
          {t("editor.addLine")}
        </Button>
      </fieldset>
      <div className="flex flex-col gap-1">
        <label htmlFor="invoice-notes" className="text-sm font-medium text-slate-800">
          {t("editor.notes")}
        </label>
        <textarea
          id="invoice-notes"
          name="notes"
          rows={2}
          maxLength={2000}
          defaultValue={props.notes ?? ""}
          className={selectClass}
        />
      </div>
      <Button type="submit" pending={pending}>
        {t("editor.save")}
      </Button>
    </form>
  );
}
