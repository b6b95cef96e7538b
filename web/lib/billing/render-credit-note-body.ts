// The body of a credit note's PDF, below the heading render-invoice-pdf.ts draws for it: the reason, then for a
// correction (migration 550) the credited lines, then the tax per rate as stored by SQL (a refund's note has no
// lines; migration 570 splits its amount across the invoice's rates), then the total. Amounts print negative: a
// credit note means this much less is owed. Drawn through the invoice renderer's writer (structurally typed
// here, so the two files change independently).
import { formatMoney } from "@/lib/format/money";
import { translator, type Locale } from "@/lib/i18n";
import { billingMessages } from "@/lib/i18n/messages/billing";
import type { CreditNote } from "./get-invoice";

type Cell = { text: string; x: number; right?: boolean; width?: number };
export interface PdfWriter {
  row(cells: Cell[], opts?: { size?: number; bold?: boolean }): void;
  line(text: string, opts?: { size?: number; bold?: boolean }): void;
  rule(): void;
  gap(points: number): void;
}

export function drawCreditNoteBody(
  w: PdfWriter,
  note: CreditNote,
  view: { locale: Locale; currency: string; left: number; right: number },
): void {
  const t = translator(view.locale, billingMessages);
  const money = (minor: number) => formatMoney(-minor, view.currency, view.locale);
  const { left, right } = view;
  const percent = (bp: number) => `${(bp / 100).toLocaleString(view.locale)}%`;
  w.line(`${t("refund.reason")}: ${note.reason}`);
  w.gap(8);
  if (note.lines.length > 0) {
    w.row(
      [
        { text: t("doc.description"), x: left },
        { text: t("doc.tax"), x: 465, right: true },
        { text: t("doc.amount"), x: right, right: true },
      ],
      { bold: true },
    );
    w.rule();
    for (const l of note.lines) {
      w.row([
        { text: l.description, x: left, width: 330 },
        { text: percent(l.taxBasisPoints), x: 465, right: true },
        { text: money(l.amountMinor), x: right, right: true },
      ]);
    }
    w.rule();
  }
  if (note.taxes.length > 0) {
    w.gap(6);
    w.line(t("doc.taxBreakdown"), { bold: true });
    w.row(
      [
        { text: t("doc.rate"), x: left },
        { text: t("doc.net"), x: 395, right: true },
        { text: t("doc.taxAmount"), x: 465, right: true },
        { text: t("doc.gross"), x: right, right: true },
      ],
      { bold: true },
    );
    for (const x of note.taxes) {
      w.row([
        { text: `${x.rateName} (${percent(x.basisPoints)})`, x: left, width: 250 },
        { text: money(x.netMinor), x: 395, right: true },
        { text: money(x.taxMinor), x: 465, right: true },
        { text: money(x.grossMinor), x: right, right: true },
      ]);
    }
    w.gap(4);
  }
  w.rule();
  w.row(
    [
      { text: t("doc.total"), x: left },
      { text: money(note.amountMinor), x: right, right: true },
    ],
    { bold: true },
  );
}
