import { formatMoney } from "@/lib/format/money";
import { translator, type Locale } from "@/lib/i18n";
import { billingMessages } from "@/lib/i18n/messages/billing";
import { absoluteUrl, str, type Template } from "../render";

function money(p: Record<string, unknown>, key: string, locale: Locale): string {
  return formatMoney(Number(p[key] ?? 0), str(p.currency, "EUR"), locale);
}

/** To the client when staff issue an invoice to them. Both links need the client's sign-in. */
export const invoiceIssued: Template = (p, locale, ctx) => {
  const url = absoluteUrl(p.path, ctx.appUrl);
  const pdf = p.pdf_path ? absoluteUrl(p.pdf_path, ctx.appUrl) : null;
  const total = money(p, "total_minor", locale);
  return locale === "es"
    ? {
        subject: `Factura ${str(p.number)} de ${str(p.clinic_name)}`,
        lines: [
          `Hola ${str(p.client_name)}:`,
          `${str(p.clinic_name)} ha emitido la factura ${str(p.number)} por ${total}.`,
          "Puedes verla en tu área de cliente.",
          ...(pdf ? [`Descargar el PDF (con tu sesión iniciada): ${pdf}`] : []),
        ],
        link: { label: "Ver la factura", url },
      }
    : {
        subject: `Invoice ${str(p.number)} from ${str(p.clinic_name)}`,
        lines: [
          `Hello ${str(p.client_name)},`,
          `${str(p.clinic_name)} has issued invoice ${str(p.number)} for ${total}.`,
          "You can see it in your client area.",
          ...(pdf ? [`Download the PDF (signed in): ${pdf}`] : []),
        ],
        link: { label: "See the invoice", url },
      };
};

/** To the client for every payment applied to their invoice, whatever the method. */
export const paymentReceipt: Template = (p, locale, ctx) => {
  const url = absoluteUrl(p.path, ctx.appUrl);
  const amount = money(p, "amount_minor", locale);
  const balance = money(p, "balance_minor", locale);
  const method = translator(locale, billingMessages)(`method.${str(p.method, "cash")}` as "method.cash");
  return locale === "es"
    ? {
        subject: `Recibo de tu pago de ${amount} a ${str(p.clinic_name)}`,
        lines: [
          `Hola ${str(p.client_name)}:`,
          `Hemos recibido ${amount} (${method}) para la factura ${str(p.number)}.`,
          `Saldo pendiente: ${balance}.`,
        ],
        link: { label: "Ver la factura", url },
      }
    : {
        subject: `Receipt for your ${amount} payment to ${str(p.clinic_name)}`,
        lines: [
          `Hello ${str(p.client_name)},`,
          `We received ${amount} (${method}) for invoice ${str(p.number)}.`,
          `Balance still owed: ${balance}.`,
        ],
        link: { label: "See the invoice", url },
      };
};

/** To the client for every refund, naming the credit note it issued. */
export const refundIssued: Template = (p, locale, ctx) => {
  const url = absoluteUrl(p.path, ctx.appUrl);
  const amount = money(p, "amount_minor", locale);
  return locale === "es"
    ? {
        subject: `Reembolso de ${amount} de ${str(p.clinic_name)}`,
        lines: [
          `Hola ${str(p.client_name)}:`,
          `${str(p.clinic_name)} te ha reembolsado ${amount} de la factura ${str(p.number)}.`,
          `Factura rectificativa: ${str(p.credit_note_number)}.`,
        ],
        link: { label: "Ver la factura", url },
      }
    : {
        subject: `Refund of ${amount} from ${str(p.clinic_name)}`,
        lines: [
          `Hello ${str(p.client_name)},`,
          `${str(p.clinic_name)} has refunded ${amount} of invoice ${str(p.number)}.`,
          `Credit note: ${str(p.credit_note_number)}.`,
        ],
        link: { label: "See the invoice", url },
      };
};

/** To the client when staff correct their invoice with a credit note (no money moves: less is owed). */
export const creditNoteIssued: Template = (p, locale, ctx) => {
  const url = absoluteUrl(p.path, ctx.appUrl);
  const amount = money(p, "amount_minor", locale);
  const balance = money(p, "balance_minor", locale);
  return locale === "es"
    ? {
        subject: `Factura rectificativa ${str(p.credit_note_number)} de ${str(p.clinic_name)}`,
        lines: [
          `Hola ${str(p.client_name)}:`,
          `${str(p.clinic_name)} ha corregido la factura ${str(p.number)} con la factura rectificativa ${str(p.credit_note_number)} por ${amount}.`,
          `Motivo: ${str(p.reason)}`,
          `Saldo pendiente: ${balance}.`,
        ],
        link: { label: "Ver la factura", url },
      }
    : {
        subject: `Credit note ${str(p.credit_note_number)} from ${str(p.clinic_name)}`,
        lines: [
          `Hello ${str(p.client_name)},`,
          `${str(p.clinic_name)} has corrected invoice ${str(p.number)} with credit note ${str(p.credit_note_number)} for ${amount}.`,
          `Reason: ${str(p.reason)}`,
          `Balance still owed: ${balance}.`,
        ],
        link: { label: "See the invoice", url },
      };
};
