"use client";
// The visit's charges: a list with totals and, while the visit is open, add (a service at its own price, or
// a product or free-text line with a price) and remove.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/app/_components/button";
import { Field } from "@/app/_components/field";
import { LabelledSelect } from "@/app/_components/inputs";
import { formatMoney, toMinorUnits } from "@/lib/format/money";
import { translator, type Locale } from "@/lib/i18n";
import { visitMessages } from "@/lib/i18n/messages/visits";
import { callApi } from "@/lib/http/browser/call-api";
import { describeWith, useApiSubmit } from "@/lib/http/browser/use-api-submit";
import type { ChargeKind, VisitCharge } from "@/lib/visits/visit-record";

const select =
  "min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm";

export function VisitCharges(props: {
  locale: Locale;
  url: string;
  currency: string;
  charges: VisitCharge[];
  services: { id: string; name: string; priceCents: number }[];
  editable: boolean;
}) {
  const t = translator(props.locale, visitMessages);
  const router = useRouter();
  const [kind, setKind] = useState<ChargeKind>("service");
  const { pending, error, fields, submit } = useApiSubmit(
    describeWith({ fixErrors: t("visit.fixErrors"), failed: t("visit.failed") }),
  );
  const money = (c: number) => formatMoney(c, props.currency, props.locale);
  const total = props.charges.reduce((s, c) => s + c.quantity * c.unitPriceCents, 0);

  async function add(form: FormData) {
    const quantity = Number(form.get("quantity") || 1);
    const body =
      kind === "service"
        ? { kind, serviceId: String(form.get("serviceId") ?? ""), quantity }
        : {
            kind,
            description: String(form.get("description") ?? ""),
            quantity,
            unitPriceCents: toMinorUnits(Number(String(form.get("price") ?? "").replace(",", ".")), props.currency),
          };
    const r = await submit(() => callApi(`${props.url}/charges`, { method: "POST", body }));
    if (r?.ok) router.refresh();
  }
  async function remove(id: string) {
    const r = await submit(() => callApi(`${props.url}/charges/${id}`, { method: "DELETE" }));
    if (r?.ok) router.refresh();
  }

  return (
    <div className="space-y-3">
      {props.charges.length === 0 ? (
        <p className="text-slate-600">{t("visit.noCharges")}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {props.charges.map((c) => (
            <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span>
                {c.quantity} × {c.description} <span className="text-slate-600">({money(c.unitPriceCents)})</span>
              </span>
              <span className="flex items-center gap-2">
                <span className="tabular-nums">{money(c.quantity * c.unitPriceCents)}</span>
                {props.editable ? (
                  <Button variant="secondary" className="px-3" onClick={() => remove(c.id)} disabled={pending}>
                    <span aria-hidden>×</span>
                    <span className="sr-only">{t("visit.removeCharge", { name: c.description })}</span>
                  </Button>
                ) : null}
              </span>
            </li>
          ))}
          <li className="flex justify-between py-2 font-semibold">
            <span>{t("visit.total")}</span>
            <span className="tabular-nums">{money(total)}</span>
          </li>
        </ul>
      )}
      {props.editable ? (
        <form action={add} className="grid gap-3 sm:grid-cols-2" noValidate>
          <LabelledSelect
            label={t("visit.chargeKind")}
            id="charge-kind"
            name="kind"
            value={kind}
            onChange={(e) => setKind(e.target.value as ChargeKind)}
            className={select}
          >
            {(["service", "product", "other"] as const).map((k) => (
              <option key={k} value={k}>
                {t(`visit.kind.${k}`)}
              </option>
            ))}
          </LabelledSelect>
          {kind === "service" ? (
            <LabelledSelect
              label={t("visit.chargeService")}
              id="charge-service"
              name="serviceId"
              className={select}
              error={fields.serviceId?.[0]}
            >
              {props.services.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name} ({money(s.priceCents)})
                </option>
              ))}
            </LabelledSelect>
          ) : (
            <>
              <Field
                label={t("visit.chargeDescription")}
                name="description"
                error={fields.description}
                maxLength={200}
              />
              <Field
                label={t("visit.chargePrice")}
                name="price"
                type="number"
                inputMode="decimal"
                step="0.01"
                min="0"
                error={fields.unitPriceCents}
              />
            </>
          )}
          <Field
            label={t("visit.chargeQuantity")}
            name="quantity"
            type="number"
            min="1"
            step="1"
            defaultValue="1"
            error={fields.quantity}
          />
          <div className="flex items-end">
            <Button type="submit" variant="secondary" pending={pending}>
              {t("visit.addCharge")}
            </Button>
          </div>
        </form>
      ) : null}
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
