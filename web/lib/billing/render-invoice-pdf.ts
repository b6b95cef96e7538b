// The invoice (or one of its credit notes) as a PDF document, drawn with pdf-lib from the same InvoiceDetail the
// print view shows: clinic legal details, client, number, dates, lines, tax per rate, payments, credit notes and
// balance. No database I/O (the fonts are read once per process, pdf-fonts.ts), so the route only loads the detail
// and streams the bytes. Amounts are the database's (nothing is recomputed here); a credit note's stored positive
// amount prints negative (migration 502).
import { PDFDocument, type PDFFont, type PDFPage } from "pdf-lib";
import { formatMoney } from "@/lib/format/money";
import { formatDay, localDate } from "@/lib/format/time";
import { translator, type Locale } from "@/lib/i18n";
import { billingMessages } from "@/lib/i18n/messages/billing";
import type { InvoiceDetail } from "./get-invoice";
import { embedPdfFonts, splitGraphemes, type PdfFonts } from "./pdf-fonts";
import { drawCreditNoteBody } from "./render-credit-note-body";

const PAGE: [number, number] = [595.28, 841.89]; // A4 in points
const LEFT = 50;
const RIGHT = 545;
const BOTTOM = 60;

/** Draws text top-down, starting a new page when the cursor reaches the bottom margin. */
class Writer {
  private page: PDFPage;
  private y = PAGE[1] - 60;
  private readonly font: PDFFont;
  private readonly bold: PDFFont;

  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: PdfFonts,
  ) {
    this.page = doc.addPage(PAGE);
    this.font = fonts.regular;
    this.bold = fonts.bold;
  }

  /** What the fonts cannot draw (an emoji) becomes a visible placeholder: the rule is in pdf-fonts.ts. */
  private clean(s: string): string {
    return this.fonts.printable(s);
  }

  /** Cuts whole characters (never half an emoji) and adds "…"; binary search, as measuring shapes the text. */
  private fit(s: string, width: number, size: number, font: PDFFont): string {
    if (font.widthOfTextAtSize(s, size) <= width) return s;
    const chars = splitGraphemes(s);
    let [lo, hi] = [0, chars.length - 1]; // the longest prefix that fits with "…" has lo..hi characters
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (font.widthOfTextAtSize(chars.slice(0, mid).join("") + "…", size) <= width) lo = mid;
      else hi = mid - 1;
    }
    return chars.slice(0, Math.max(lo, 1)).join("") + "…";
  }

  gap(points: number): void {
    this.y -= points;
  }

  private ensure(height: number): void {
    if (this.y - height >= BOTTOM) return;
    this.page = this.doc.addPage(PAGE);
    this.y = PAGE[1] - 60;
  }

  /** One row of cells; a cell is left-aligned at x, or right-aligned ending at x when right is set. */
  row(
    cells: { text: string; x: number; right?: boolean; width?: number }[],
    opts: { size?: number; bold?: boolean } = {},
  ) {
    const size = opts.size ?? 10;
    const font = opts.bold ? this.bold : this.font;
    this.ensure(size + 4);
    for (const c of cells) {
      let text = this.clean(c.text);
      if (c.width) text = this.fit(text, c.width, size, font);
      const w = font.widthOfTextAtSize(text, size);
      this.page.drawText(text, { x: c.right ? c.x - w : c.x, y: this.y, size, font });
    }
    this.y -= size + 4;
  }

  /** A paragraph, wrapped at word boundaries to the text width. */
  line(text: string, opts: { size?: number; bold?: boolean } = {}): void {
    const size = opts.size ?? 10;
    const font = opts.bold ? this.bold : this.font;
    let current = "";
    for (const word of this.clean(text).split(" ")) {
      const next = current ? `${current} ${word}` : word;
      if (current && font.widthOfTextAtSize(next, size) > RIGHT - LEFT) {
        this.row([{ text: current, x: LEFT, width: RIGHT - LEFT }], opts);
        current = word;
      } else current = next;
    }
    this.row([{ text: current, x: LEFT, width: RIGHT - LEFT }], opts);
  }

  rule(): void {
    this.ensure(6);
    this.page.drawLine({ start: { x: LEFT, y: this.y + 8 }, end: { x: RIGHT, y: this.y + 8 }, thickness: 0.5 });
    this.y -= 4;
  }
}

export interface PdfOptions {
  locale: Locale;
  timeZone: string;
  /** Render this credit note of the invoice instead of the invoice itself. */
  creditNoteId?: string;
}

export async function renderInvoicePdf(detail: InvoiceDetail, opts: PdfOptions): Promise<Uint8Array> {
  const { locale, timeZone } = opts;
  const t = translator(locale, billingMessages);
  const inv = detail.invoice;
  const money = (minor: number) => formatMoney(minor, inv.currency, locale);
  const day = (at: Date) => formatDay(localDate(new Date(at), timeZone), locale, "long");
  const note = opts.creditNoteId ? detail.creditNotes.find((n) => n.id === opts.creditNoteId) : undefined;
  if (opts.creditNoteId && !note) throw new Error("credit note not on this invoice");

  const doc = await PDFDocument.create();
  const title = note
    ? t("pdf.creditNote", { number: note.number })
    : inv.number
      ? t("invoice.title", { number: inv.number })
      : t("invoice.draft");
  doc.setTitle(title);
  doc.setCreator("Vete");
  doc.setCreationDate(new Date(note?.issuedAt ?? inv.issuedAt ?? inv.createdAt));
  const w = new Writer(doc, await embedPdfFonts(doc));

  // who issues: the clinic's legal identity
  const c = detail.clinic;
  w.line(c.legalName ?? c.name, { size: 14, bold: true });
  if (c.legalName && c.legalName !== c.name) w.line(c.name);
  if (c.taxId) w.line(t("doc.taxId", { id: c.taxId }));
  if (c.legalAddress) w.line(c.legalAddress);
  const contact = [c.email, c.phone].filter(Boolean).join(" · ");
  if (contact) w.line(contact);
  w.gap(14);
  w.line(title, { size: 18, bold: true });
  if (note) {
    w.line(t("pdf.ofInvoice", { number: inv.number ?? "" }));
    w.line(t("invoice.issuedOn", { date: day(note.issuedAt) }));
  } else {
    if (inv.issuedAt) w.line(t("invoice.issuedOn", { date: day(inv.issuedAt) }));
    if (inv.status === "void" && inv.voidReason)
      w.line(t("invoice.voidReason", { reason: inv.voidReason }), { bold: true });
  }
  w.gap(10);
  w.line(t("doc.billTo"), { bold: true });
  w.line(detail.client.fullName);
  if (detail.client.address) w.line(detail.client.address);
  if (detail.client.email) w.line(detail.client.email);
  w.gap(14);

  if (note) {
    drawCreditNoteBody(w, note, { locale, currency: inv.currency, left: LEFT, right: RIGHT });
    return doc.save();
  }

  // lines
  w.row(
    [
      { text: t("doc.description"), x: LEFT },
      { text: t("doc.quantity"), x: 320, right: true },
      { text: t("doc.unitPrice"), x: 395, right: true },
      { text: t("doc.tax"), x: 465, right: true },
      { text: t("doc.amount"), x: RIGHT, right: true },
    ],
    { bold: true },
  );
  w.rule();
  for (const l of detail.lines) {
    if (l.kind === "text") {
      w.line(l.description);
      continue;
    }
    w.row([
      { text: l.description, x: LEFT, width: 230 },
      { text: String(l.quantity), x: 320, right: true },
      { text: money(l.unitPriceMinor), x: 395, right: true },
      { text: l.taxRateName ?? "", x: 465, right: true, width: 60 },
      { text: money(l.amountMinor), x: RIGHT, right: true },
    ]);
    if (l.discountMinor > 0)
      w.row([{ text: `${t("doc.discount")} -${money(l.discountMinor)}`, x: LEFT + 12 }], { size: 9 });
  }
  w.rule();
  w.gap(6);

  // tax per rate, then totals
  w.line(t("doc.taxBreakdown"), { bold: true });
  w.row(
    [
      { text: t("doc.rate"), x: LEFT },
      { text: t("doc.net"), x: 395, right: true },
      { text: t("doc.taxAmount"), x: 465, right: true },
      { text: t("doc.gross"), x: RIGHT, right: true },
    ],
    { bold: true },
  );
  for (const tx of detail.taxes) {
    w.row([
      { text: `${tx.rateName} (${(tx.basisPoints / 100).toLocaleString(locale)}%)`, x: LEFT, width: 250 },
      { text: money(tx.netMinor), x: 395, right: true },
      { text: money(tx.taxMinor), x: 465, right: true },
      { text: money(tx.grossMinor), x: RIGHT, right: true },
    ]);
  }
  w.gap(6);
  const total = (label: string, minor: number, bold = false) =>
    w.row(
      [
        { text: label, x: 330 },
        { text: money(minor), x: RIGHT, right: true },
      ],
      { bold },
    );
  total(t("doc.subtotal"), detail.totals.netMinor);
  total(t("doc.totalTax"), detail.totals.taxMinor);
  total(t("doc.total"), detail.totals.totalMinor, true);
  w.gap(10);

  // what happened since: payments (with refunds), credit notes, the balance
  w.line(t("doc.payments"), { bold: true });
  if (detail.payments.length === 0) w.line(t("doc.noPayments"));
  for (const p of detail.payments) {
    const refunded = p.refundedMinor > 0 ? ` (${t("doc.refunded", { amount: money(p.refundedMinor) })})` : "";
    w.row([
      { text: `${day(p.receivedAt)} · ${t(`method.${p.method}`)}${refunded}`, x: LEFT, width: 380 },
      { text: money(p.amountMinor), x: RIGHT, right: true },
    ]);
  }
  if (detail.creditNotes.length > 0) {
    w.gap(6);
    w.line(t("doc.creditNotes"), { bold: true });
    for (const n of detail.creditNotes) {
      w.row([
        { text: `${n.number} · ${day(n.issuedAt)} · ${n.reason}`, x: LEFT, width: 380 },
        { text: money(-n.amountMinor), x: RIGHT, right: true },
      ]);
    }
  }
  if (inv.balanceMinor !== null) {
    w.gap(6);
    total(t("doc.balance"), inv.balanceMinor, true);
  }
  if (inv.notes) {
    w.gap(10);
    for (const para of inv.notes.split(/\r?\n/)) w.line(para, { size: 9 });
  }
  return doc.save();
}
