// Typings of the visit SQL functions (400_create_visits.sql). Argument keys are the exact SQL parameter names;
// web/tests/integration/rpc-signatures.test.ts checks them against the migrated catalog.
import type { VisitRow } from "./visit-record";

declare module "@/lib/db/rpc" {
  interface RpcFunctions {
    open_visit: {
      args: {
        p_clinic_id: string;
        p_pet_id?: string | null;
        p_appointment_id?: string | null;
        p_reason?: string | null;
      };
      returns: VisitRow;
    };
    finalize_visit: {
      args: { p_visit_id: string };
      returns: VisitRow;
    };
    list_shared_visit_summaries: {
      args: { p_clinic_id: string; p_pet_id: string };
      returns: {
        visit_id: string;
        started_at: Date;
        vet_name: string | null;
        summary: string | null;
        discharge_instructions: string | null;
      };
    };
  }
}
