// Download links for an invoice's credit notes (each its own PDF: ?creditNote=<id> on the invoice's PDF route),
// for the staff and the client invoice pages. Hidden when printing: the printed invoice lists the notes itself.
import type { CreditNote } from "@/lib/billing/get-invoice";
import { translator, type Locale } from "@/lib/i18n";
import { billingMessages } from "@/lib/i18n/messages/billing";

export function CreditNoteLinks(props: { notes: CreditNote[]; pdfUrl: string; locale: Locale }) {
  if (props.notes.length === 0) return null;
  const t = translator(props.locale, billingMessages);
  return (
    <nav aria-label={t("doc.creditNotes")} className="print:hidden">
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {props.notes.map((n) => (
          <li key={n.id}>
            <a
              className="font-medium text-brand-700 underline"
              href={`${props.pdfUrl}?creditNote=${encodeURIComponent(n.id)}`}
              download
            >
              {t("credit.downloadPdf", { number: n.number })}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
