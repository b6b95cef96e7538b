import { payMyInvoice } from "@/lib/billing/pay-my-invoice";
import { apiHandler } from "@/lib/http/api-handler";
import { notFound } from "@/lib/http/respond";

// POST /api/clinics/[clinic]/my-invoices/[invoiceId]/payment-intent - a client starts (or resumes) paying the
// balance of their invoice by card; the amount comes from the database, never from the request
export const POST = apiHandler({ action: "invoices.readOwn" }, async ({ user, access, params }) => {
  if (!access?.clientId) throw notFound();
  const out = await payMyInvoice(user, access.clientId, params.invoiceId ?? "");
  return {
    paymentIntentId: out.paymentIntentId,
    clientSecret: out.clientSecret,
    publishableKey: out.publishableKey,
    stripeAccount: out.stripeAccount,
    amountMinor: out.amountCents,
    currency: out.currency,
    status: out.status,
  };
});
