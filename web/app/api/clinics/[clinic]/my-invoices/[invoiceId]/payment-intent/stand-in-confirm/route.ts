import { z } from "zod";
import { confirmMyPaymentWithStandIn } from "@/lib/billing/get-my-payment-status";
import { apiHandler } from "@/lib/http/api-handler";
import { notFound } from "@/lib/http/respond";

const body = z.strictObject({ paymentIntentId: z.string().regex(/^pi_[A-Za-z0-9_]+$/, "Not a payment id") });

// POST /api/clinics/[clinic]/my-invoices/[invoiceId]/payment-intent/stand-in-confirm - TEST ONLY: confirms the
// payment with the stand-in's test card when the Stripe SDK points at the local stand-in (404 otherwise)
export const POST = apiHandler({ body, action: "invoices.readOwn" }, async ({ user, access, params, body }) => {
  if (!access?.clientId) throw notFound();
  await confirmMyPaymentWithStandIn(user, access.clientId, params.invoiceId ?? "", body.paymentIntentId);
  return { ok: true };
});
