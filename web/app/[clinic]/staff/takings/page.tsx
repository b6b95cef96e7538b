// /[clinic]/staff/takings - money taken per payment method on one day in the clinic's zone (today by
// default), refunds taken off, for closing the till.
import { Button } from "@/app/_components/button";
import { dailyTakingsSchema, getDailyTakings } from "@/lib/billing/get-daily-takings";
import { requireCan } from "@/lib/clinics/permissions";
import { loadStaffPage } from "@/lib/clinics/load-staff-page";
import { withUser } from "@/lib/db/context";
import { formatMoney } from "@/lib/format/money";
import { formatDay } from "@/lib/format/time";
import { translator } from "@/lib/i18n";
import { billingMessages } from "@/lib/i18n/messages/billing";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle(billingMessages, "takings.title");

type Props = {
  params: Promise<{ clinic: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function TakingsPage({ params, searchParams }: Props) {
  const { clinic: slug } = await params;
  const sp = await searchParams;
  const { user, access, locale } = await loadStaffPage(slug);
  if (!access.role) return null;
  requireCan(access, "billing.use");
  const t = translator(locale, billingMessages);
  const parsed = dailyTakingsSchema.safeParse({ day: typeof sp.day === "string" && sp.day ? sp.day : undefined });
  const takings = await withUser(user, (db) =>
    getDailyTakings(db, access.clinic.id, parsed.success ? parsed.data : {}),
  );
  const money = (m: number) => formatMoney(m, takings.currency, locale);
  const cell = "px-3 py-2 text-left";
  const num = "px-3 py-2 text-right tabular-nums";
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-2xl font-semibold">
        {t("takings.title")} · {formatDay(takings.day, locale, "long")}
      </h1>
      <form method="get" className="flex items-end gap-2">
        <div className="flex flex-col gap-1">
          <label htmlFor="takings-day" className="text-sm font-medium">
            {t("takings.day")}
          </label>
          <input
            id="takings-day"
            name="day"
            type="date"
            defaultValue={takings.day}
            className="min-h-11 rounded-lg border border-slate-300 bg-white px-3 py-2 text-base shadow-sm"
          />
        </div>
        <Button type="submit" variant="secondary">
          {t("takings.show")}
        </Button>
      </form>
      <div className="overflow-x-auto rounded-xl bg-white shadow-sm">
        <table className="w-full text-sm">
          <thead className="border-b border-slate-200 text-xs uppercase text-slate-500">
            <tr>
              <th className={cell}>{t("takings.method")}</th>
              <th className={num}>{t("takings.count")}</th>
              <th className={num}>{t("takings.received")}</th>
              <th className={num}>{t("takings.refunded")}</th>
              <th className={num}>{t("takings.net")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {takings.methods.map((m) => (
              <tr key={m.method} data-testid={`takings-${m.method}`}>
                <th scope="row" className={`${cell} font-medium`}>
                  {t(`method.${m.method}`)}
                </th>
                <td className={num}>{m.count}</td>
                <td className={num}>{money(m.receivedMinor)}</td>
                <td className={num}>{m.refundedMinor ? money(-m.refundedMinor) : money(0)}</td>
                <td className={num}>{money(m.netMinor)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot className="border-t border-slate-300 font-semibold">
            <tr>
              <th scope="row" className={cell} colSpan={4}>
                {t("takings.total")}
              </th>
              <td className={num} data-testid="takings-total">
                {money(takings.totalNetMinor)}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
    </div>
  );
}
