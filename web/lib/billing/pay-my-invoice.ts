// A client starts paying one of their invoices online: the amount is the balance read from the database under
// their RLS (never from the browser), and the PaymentIntent is created or reused per payment attempt, so two
// tabs share one PaymentIntent and one charge.
import "server-only";
import { withUser } from "@/lib/db/context";
import type { SessionUser } from "@/lib/db/types";
import { createPaymentIntent, type PaymentIntentForBrowser } from "@/lib/stripe/create-payment-intent";
import { loadInvoicePayable } from "./load-invoice-payable";

export async function payMyInvoice(
  user: SessionUser,
  clientId: string,
  invoiceId: string,
): Promise<PaymentIntentForBrowser> {
  const payable = await withUser(user, (db) => loadInvoicePayable(db, clientId, invoiceId));
  return createPaymentIntent(payable);
}
