import { formatMoney } from "@/lib/format/money";
import { str, type Template } from "../render";

/** To a clinic's owners and admins: a client disputed a card payment with their bank. */
export const paymentDisputeOpened: Template = (p, locale) => {
  const currency = str(p.currency, "EUR");
  const amount = formatMoney(Number(p.amount_cents) || 0, currency, locale);
  const reason = str(p.reason, "general");
  const ref = str(p.payment_intent_id);
  return locale === "es"
    ? {
        subject: `Disputa de un pago de ${amount} en ${str(p.clinic_name)}`,
        lines: [
          `Un cliente ha disputado con su banco un pago con tarjeta de ${amount} (motivo: ${reason}).`,
          "Stripe retiene el importe hasta que se resuelva. Responde a la disputa en el panel de Stripe de la clínica antes de la fecha límite.",
          `Referencia del pago: ${ref}`,
        ],
      }
    : {
        subject: `A ${amount} payment was disputed at ${str(p.clinic_name)}`,
        lines: [
          `A client disputed a ${amount} card payment with their bank (reason: ${reason}).`,
          "Stripe holds the amount until the dispute is settled. Respond in the clinic's Stripe dashboard before the deadline.",
          `Payment reference: ${ref}`,
        ],
      };
};
