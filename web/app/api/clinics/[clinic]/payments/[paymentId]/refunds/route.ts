import { refundPayment, refundPaymentSchema } from "@/lib/billing/refund-payment";
import { withUser } from "@/lib/db/context";
import { apiHandler } from "@/lib/http/api-handler";
import { notFound } from "@/lib/http/respond";

const body = refundPaymentSchema.partial({ idempotencyKey: true });

// POST /api/clinics/[clinic]/payments/[paymentId]/refunds - owners and admins refund (part of) a payment
export const POST = apiHandler(
  { body, action: "billing.manage", status: 201 },
  async ({ req, user, access, body, params }) => {
    if (!access) throw notFound();
    const idempotencyKey = body.idempotencyKey ?? req.headers.get("idempotency-key") ?? "";
    return {
      refund: await withUser(user, (db) => refundPayment(db, params.paymentId ?? "", { ...body, idempotencyKey })),
    };
  },
);
