import { withUser } from "@/lib/db/context";
import { apiHandler } from "@/lib/http/api-handler";
import { notFound } from "@/lib/http/respond";
import { cancelPrescription, cancelPrescriptionSchema } from "@/lib/prescriptions/cancel-prescription";

// POST /api/clinics/[clinic]/prescriptions/[prescriptionId]/cancel - a vet cancels with a reason
export const POST = apiHandler(
  { body: cancelPrescriptionSchema, action: "prescriptions.prescribe" },
  async ({ user, access, body, params }) => {
    if (!access) throw notFound();
    const scope = { clinicId: access.clinic.id, prescriptionId: params.prescriptionId ?? "" };
    return { prescription: await withUser(user, (db) => cancelPrescription(db, scope, body)) };
  },
);
