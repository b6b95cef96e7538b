// Strings for card payments: the clinic's Stripe connection in settings.
import { defineMessages } from "@/lib/i18n";

export const paymentMessages = defineMessages({
  en: {
    "settings.title": "Card payments",
    "settings.disabled": "Card payments are not set up on this server. Clients pay their invoices at the clinic.",
    "settings.notConnected":
      "Connect the clinic's own Stripe account to take card payments online. Payments go straight to that account.",
    "settings.pending":
      "Stripe is still checking the clinic's details. Finish or update them to start taking card payments.",
    "settings.ready": "Card payments are on. Payments go to the clinic's Stripe account.",
    "settings.payoutsPaused": "Stripe has paused payouts to the clinic's bank account: update the details in Stripe.",
    "settings.connect": "Connect with Stripe",
    "settings.continue": "Continue Stripe setup",
    "settings.update": "Update details in Stripe",
    "settings.failed": "Could not open Stripe: {message}",
    "settings.returned": "Back from Stripe. The status below updates when Stripe confirms the details.",
  },
  es: {
    "settings.title": "Pagos con tarjeta",
    "settings.disabled":
      "Los pagos con tarjeta no están configurados en este servidor. Los clientes pagan sus facturas en la clínica.",
    "settings.notConnected":
      "Conecta la cuenta de Stripe de la clínica para cobrar con tarjeta en línea. Los pagos van directamente a esa cuenta.",
    "settings.pending":
      "Stripe todavía está revisando los datos de la clínica. Complétalos o actualízalos para empezar a cobrar con tarjeta.",
    "settings.ready": "Los pagos con tarjeta están activos. Los pagos van a la cuenta de Stripe de la clínica.",
    "settings.payoutsPaused":
      "Stripe ha pausado las transferencias a la cuenta bancaria de la clínica: actualiza los datos en Stripe.",
    "settings.connect": "Conectar con Stripe",
    "settings.continue": "Continuar la configuración de Stripe",
    "settings.update": "Actualizar datos en Stripe",
    "settings.failed": "No se pudo abrir Stripe: {message}",
    "settings.returned": "Has vuelto de Stripe. El estado se actualiza cuando Stripe confirma los datos.",
  },
});

export type PaymentMessageKey = keyof typeof paymentMessages.en;
