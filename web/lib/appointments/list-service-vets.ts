// Who performs which service, with names, for the "which vet?" step of booking (users' rows are private).
import "server-only";
import { rpc } from "@/lib/db/rpc";
import type { Db } from "@/lib/db/types";
import "./rpc-types";

export interface ServiceVet {
  serviceId: string;
  vetId: string;
  vetName: string;
}

export async function listServiceVets(db: Db, clinicId: string): Promise<ServiceVet[]> {
  const rows = await rpc(db, "list_service_vets", { p_clinic_id: clinicId });
  return rows.map((r) => ({ serviceId: r.service_id, vetId: r.vet_id, vetName: r.vet_name }));
}
