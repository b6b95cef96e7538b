import { withUser } from "@/lib/db/context";
import { apiHandler } from "@/lib/http/api-handler";
import { notFound } from "@/lib/http/respond";
import { dispensePrescription, dispensePrescriptionSchema } from "@/lib/prescriptions/dispense-prescription";

// POST /api/clinics/[clinic]/prescriptions/[prescriptionId]/dispense - staff hand out up to one fill
export const POST = apiHandler(
  { body: dispensePrescriptionSchema, action: "prescriptions.dispense", status: 201, idempotent: true },
  async ({ user, access, body, params }) => {
    if (!access) throw notFound();
    const scope = { clinicId: access.clinic.id, prescriptionId: params.prescriptionId ?? "" };
    return { dispensing: await withUser(user, (db) => dispensePrescription(db, scope, body)) };
  },
);
