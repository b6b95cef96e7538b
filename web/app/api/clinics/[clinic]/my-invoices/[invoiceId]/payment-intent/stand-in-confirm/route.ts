import { z } from "zod";
import { confirmMyPaymentWithStandIn } from "@/lib/billing/get-my-payment-status";
import { apiHandler } from "@/lib/http/api-handler";
import { notFound } from "@/lib/http/respond";

const body = z.strictObject({
  paymentIntentId: z.string().regex(/^pi_[A-Za-z0-9_]+$/, "Not a payment id"),
  /** Which test card: "declined" tries the decline-then-retry path. */
  card: z.enum(["visa", "declined"]).default("visa"),
});

// POST /api/clinics/[clinic]/my-invoices/[invoiceId]/payment-intent/stand-in-confirm - TEST ONLY: confirms the
// payment with a stand-in test card when the Stripe SDK points at the local stand-in (404 otherwise)
export const POST = apiHandler({ body, action: "invoices.readOwn" }, async ({ user, access, params, body }) => {
  if (!access?.clientId) throw notFound();
  const { declined } = await confirmMyPaymentWithStandIn(
    user,
    access.clientId,
    params.invoiceId ?? "",
    body.paymentIntentId,
    body.card,
  );
  return { ok: true, declined };
});
