// Who works on a local date and when (weekly hours or that date's override, minus time off), per staff
// member, for the staff calendar. The same working time the slot logic uses (private.vet_free_time).
import "server-only";
import { rpc } from "@/lib/db/rpc";
import type { Db } from "@/lib/db/types";
import { parseWith } from "@/lib/validation/parse";
import { dateField } from "./appointment-record";
import "./rpc-types";

export interface WorkingInterval {
  startsAt: Date;
  endsAt: Date;
}

/** vetId -> that day's working intervals in order; staff without hours that day are absent. */
export async function listVetHours(db: Db, clinicId: string, date: string): Promise<Map<string, WorkingInterval[]>> {
  const day = parseWith(dateField, date);
  const rows = await rpc(db, "list_vet_hours", { p_clinic_id: clinicId, p_date: day });
  const out = new Map<string, WorkingInterval[]>();
  for (const r of rows) out.set(r.vet_id, [...(out.get(r.vet_id) ?? []), { startsAt: r.starts_at, endsAt: r.ends_at }]);
  return out;
}
