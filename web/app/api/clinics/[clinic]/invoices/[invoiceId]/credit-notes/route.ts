import { issueCreditNote, issueCreditNoteSchema } from "@/lib/billing/issue-credit-note";
import { withUser } from "@/lib/db/context";
import { apiHandler } from "@/lib/http/api-handler";
import { notFound } from "@/lib/http/respond";

// The key may come in the body or as the Idempotency-Key header; the SQL makes a replay return the first note.
const body = issueCreditNoteSchema.partial({ idempotencyKey: true });

// POST /api/clinics/[clinic]/invoices/[invoiceId]/credit-notes - owners and admins correct an issued invoice
export const POST = apiHandler(
  { body, action: "billing.manage", status: 201 },
  async ({ req, user, access, body, params }) => {
    if (!access) throw notFound();
    const idempotencyKey = body.idempotencyKey ?? req.headers.get("idempotency-key") ?? "";
    return {
      creditNote: await withUser(user, (db) =>
        issueCreditNote(db, params.invoiceId ?? "", { ...body, idempotencyKey }),
      ),
    };
  },
);
