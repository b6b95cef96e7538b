import { withUser } from "@/lib/db/context";
import { apiHandler } from "@/lib/http/api-handler";
import { notFound } from "@/lib/http/respond";
import { searchClinicRecords, searchQuerySchema } from "@/lib/lookup/search-clinic-records";

// GET /api/clinics/[clinic]/lookup - staff find clients and pets by name, phone, email or microchip (?q=&limit=)
export const GET = apiHandler(
  { query: searchQuerySchema, action: "clients.manage" },
  async ({ user, access, query }) => {
    if (!access) throw notFound();
    const clinicId = access.clinic.id;
    return { items: await withUser(user, (db) => searchClinicRecords(db, clinicId, query)) };
  },
);
