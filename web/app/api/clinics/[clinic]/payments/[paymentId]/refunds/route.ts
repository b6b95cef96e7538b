import { issueRefund } from "@/lib/billing/issue-refund";
import { refundPaymentSchema } from "@/lib/billing/refund-payment";
import { apiHandler } from "@/lib/http/api-handler";
import { notFound } from "@/lib/http/respond";

const body = refundPaymentSchema.partial({ idempotencyKey: true });

// POST /api/clinics/[clinic]/payments/[paymentId]/refunds - owners and admins refund (part of) a payment (an
// online card payment through Stripe)
export const POST = apiHandler(
  { body, action: "billing.manage", status: 201 },
  async ({ req, user, access, body, params }) => {
    if (!access) throw notFound();
    const idempotencyKey = body.idempotencyKey ?? req.headers.get("idempotency-key") ?? "";
    return {
      refund: await issueRefund(user, params.paymentId ?? "", { ...body, idempotencyKey }),
    };
  },
);
