import { listMyInvoices, listMyInvoicesSchema } from "@/lib/billing/list-my-invoices";
import { withUser } from "@/lib/db/context";
import { apiHandler } from "@/lib/http/api-handler";
import { notFound } from "@/lib/http/respond";

// GET /api/clinics/[clinic]/my-invoices - a client's own issued invoices (?cursor=&limit=)
export const GET = apiHandler(
  { query: listMyInvoicesSchema, action: "invoices.readOwn" },
  async ({ user, access, query }) => {
    if (!access?.clientId) throw notFound();
    const clientId = access.clientId;
    return withUser(user, (db) => listMyInvoices(db, clientId, query));
  },
);
