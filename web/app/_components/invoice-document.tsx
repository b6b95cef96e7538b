// An invoice as a document: the clinic's legal details, the client, lines, tax per rate, totals, payments,
// credit notes and the balance. Used by the staff detail and print views and by the client portal.
import type { InvoiceDetail } from "@/lib/billing/get-invoice";
import { formatMoney } from "@/lib/format/money";
import { formatWhen, localDate, formatDay } from "@/lib/format/time";
import { translator, type Locale } from "@/lib/i18n";
import { billingMessages } from "@/lib/i18n/messages/billing";

const percent = (bp: number | null, locale: Locale) =>
  bp === null ? "" : `${new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(bp / 100)}%`;

export function InvoiceDocument(props: {
  detail: InvoiceDetail;
  locale: Locale;
  timeZone: string;
  /** 2 when the page has its own h1 (the draft editor). */
  headingLevel?: 1 | 2;
}) {
  const { detail: d, locale, timeZone } = props;
  const Heading = props.headingLevel === 2 ? "h2" : "h1";
  const t = translator(locale, billingMessages);
  const money = (minor: number) => formatMoney(minor, d.invoice.currency, locale);
  const inv = d.invoice;
  const cell = "px-2 py-1.5 text-left align-top";
  const num = "px-2 py-1.5 text-right align-top tabular-nums";
  return (
    <article
      className="space-y-5 rounded-xl bg-white p-4 shadow-sm print:p-0 print:shadow-none"
      aria-labelledby="invoice-heading"
    >
      <header className="flex flex-wrap justify-between gap-4">
        <div>
          <p className="text-lg font-semibold">{d.clinic.legalName ?? d.clinic.name}</p>
          {d.clinic.taxId ? <p className="text-sm">{t("doc.taxId", { id: d.clinic.taxId })}</p> : null}
          {d.clinic.legalAddress ? <p className="text-sm whitespace-pre-line">{d.clinic.legalAddress}</p> : null}
          <p className="text-sm text-slate-600">{[d.clinic.email, d.clinic.phone].filter(Boolean).join(" · ")}</p>
        </div>
        <div className="text-right">
          <Heading id="invoice-heading" className="text-xl font-semibold">
            {inv.number ? t("invoice.title", { number: inv.number }) : t("invoice.draft")}
          </Heading>
          {inv.issuedAt ? (
            <p className="text-sm">
              {t("invoice.issuedOn", { date: formatDay(localDate(inv.issuedAt, timeZone), locale, "long") })}
            </p>
          ) : null}
          <p className="text-sm font-medium" data-testid="invoice-status">
            {t(`status.${inv.status}`)}
          </p>
        </div>
      </header>
      <section aria-label={t("doc.billTo")}>
        <h2 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{t("doc.billTo")}</h2>
        <p className="font-medium">{d.client.fullName}</p>
        {d.client.address ? <p className="text-sm">{d.client.address}</p> : null}
        {d.client.email ? <p className="text-sm text-slate-600">{d.client.email}</p> : null}
      </section>
      {inv.voidReason ? (
        <p className="rounded bg-red-50 p-2 text-sm text-red-800">
          {t("invoice.voidReason", { reason: inv.voidReason })}
        </p>
      ) : null}
      <div className="overflow-x-auto">
        <table className="w-full min-w-[32rem] text-sm">
          <thead className="border-b border-slate-300 text-xs uppercase text-slate-500">
            <tr>
              <th className={cell}>{t("doc.description")}</th>
              <th className={num}>{t("doc.quantity")}</th>
              <th className={num}>{t("doc.unitPrice")}</th>
              <th className={num}>{t("doc.discount")}</th>
              <th className={num}>{t("doc.tax")}</th>
              <th className={num}>{t("doc.amount")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {d.lines.map((l) =>
              l.kind === "text" ? (
                <tr key={l.id}>
                  <td className={`${cell} italic`} colSpan={6}>
                    {l.description}
                  </td>
                </tr>
              ) : (
                <tr key={l.id}>
                  <td className={cell}>{l.description}</td>
                  <td className={num}>{new Intl.NumberFormat(locale).format(l.quantity)}</td>
                  <td className={num}>{money(l.unitPriceMinor)}</td>
                  <td className={num}>{l.discountMinor ? money(-l.discountMinor) : ""}</td>
                  <td className={num}>{percent(l.taxBasisPoints, locale)}</td>
                  <td className={num}>{money(l.amountMinor)}</td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="tax-heading" className="ml-auto max-w-sm">
        <h2 id="tax-heading" className="text-xs font-semibold uppercase tracking-wide text-slate-500">
          {t("doc.taxBreakdown")}
        </h2>
        <table className="w-full text-sm">
          <thead className="text-xs text-slate-500">
            <tr>
              <th className={cell}>{t("doc.rate")}</th>
              <th className={num}>{t("doc.net")}</th>
              <th className={num}>{t("doc.taxAmount")}</th>
              <th className={num}>{t("doc.gross")}</th>
            </tr>
          </thead>
          <tbody>
            {d.taxes.map((x) => (
              <tr key={x.basisPoints}>
                <td className={cell}>{`${x.rateName} (${percent(x.basisPoints, locale)})`}</td>
                <td className={num}>{money(x.netMinor)}</td>
                <td className={num}>{money(x.taxMinor)}</td>
                <td className={num}>{money(x.grossMinor)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <dl className="mt-2 space-y-1 border-t border-slate-300 pt-2 text-sm">
          <div className="flex justify-between">
            <dt>{t("doc.subtotal")}</dt>
            <dd className="tabular-nums">{money(d.totals.netMinor)}</dd>
          </div>
          <div className="flex justify-between">
            <dt>{t("doc.totalTax")}</dt>
            <dd className="tabular-nums">{money(d.totals.taxMinor)}</dd>
          </div>
          <div className="flex justify-between text-base font-semibold">
            <dt>{t("doc.total")}</dt>
            <dd className="tabular-nums" data-testid="invoice-total">
              {money(d.totals.totalMinor)}
            </dd>
          </div>
        </dl>
      </section>
      {inv.notes ? <p className="text-sm whitespace-pre-line">{inv.notes}</p> : null}
      {inv.status !== "draft" ? (
        <section aria-labelledby="payments-heading" className="space-y-1 text-sm">
          <h2 id="payments-heading" className="text-xs font-semibold uppercase tracking-wide text-slate-500">
            {t("doc.payments")}
          </h2>
          {d.payments.length === 0 ? <p>{t("doc.noPayments")}</p> : null}
          <ul>
            {d.payments.map((p) => (
              <li key={p.id} className="flex justify-between gap-2">
                <span>
                  {formatWhen(p.receivedAt, timeZone, locale)} · {t(`method.${p.method}`)}
                  {p.refundedMinor ? ` (${t("doc.refunded", { amount: money(p.refundedMinor) })})` : ""}
                </span>
                <span className="tabular-nums">{money(p.amountMinor)}</span>
              </li>
            ))}
          </ul>
          {d.creditNotes.length ? (
            <>
              <h2 className="pt-2 text-xs font-semibold uppercase tracking-wide text-slate-500">
                {t("doc.creditNotes")}
              </h2>
              <ul>
                {d.creditNotes.map((n) => (
                  <li key={n.id} className="flex justify-between gap-2">
                    <span>
                      {n.number} · {formatDay(localDate(n.issuedAt, timeZone), locale, "long")} · {n.reason}
                    </span>
                    <span className="tabular-nums">{money(-n.amountMinor)}</span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <p className="flex justify-between border-t border-slate-300 pt-2 text-base font-semibold">
            <span>{t("doc.balance")}</span>
            <span className="tabular-nums" data-testid="invoice-balance">
              {money(inv.balanceMinor ?? 0)}
            </span>
          </p>
        </section>
      ) : null}
    </article>
  );
}
