import { recordPayment, recordPaymentSchema } from "@/lib/billing/record-payment";
import { withUser } from "@/lib/db/context";
import { apiHandler } from "@/lib/http/api-handler";
import { notFound } from "@/lib/http/respond";

// The key may come in the body or as the Idempotency-Key header; the SQL itself makes a replay return the
// first payment, so no response cache is needed.
const body = recordPaymentSchema.partial({ idempotencyKey: true });

// POST /api/clinics/[clinic]/invoices/[invoiceId]/payments - staff record a desk payment (once per key)
export const POST = apiHandler(
  { body, action: "billing.use", status: 201 },
  async ({ req, user, access, body, params }) => {
    if (!access) throw notFound();
    const idempotencyKey = body.idempotencyKey ?? req.headers.get("idempotency-key") ?? "";
    return {
      payment: await withUser(user, (db) => recordPayment(db, params.invoiceId ?? "", { ...body, idempotencyKey })),
    };
  },
);
