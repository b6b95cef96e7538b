import { formatMoney } from "@/lib/format/money";
import { absoluteUrl, str, type Template } from "../render";

/** To the client when staff issue an invoice to them (the PDF link comes with the PDF). */
export const invoiceIssued: Template = (p, locale, ctx) => {
  const url = absoluteUrl(p.path, ctx.appUrl);
  const total = formatMoney(Number(p.total_minor ?? 0), str(p.currency, "EUR"), locale);
  return locale === "es"
    ? {
        subject: `Factura ${str(p.number)} de ${str(p.clinic_name)}`,
        lines: [
          `Hola ${str(p.client_name)}:`,
          `${str(p.clinic_name)} ha emitido la factura ${str(p.number)} por ${total}.`,
          "Puedes verla en tu área de cliente.",
        ],
        link: { label: "Ver la factura", url },
      }
    : {
        subject: `Invoice ${str(p.number)} from ${str(p.clinic_name)}`,
        lines: [
          `Hello ${str(p.client_name)},`,
          `${str(p.clinic_name)} has issued invoice ${str(p.number)} for ${total}.`,
          "You can see it in your client area.",
        ],
        link: { label: "See the invoice", url },
      };
};
