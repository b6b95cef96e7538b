// One visit for the clinic's staff: the visit, its notes (null when the caller may not read them: RLS on
// visit_notes decides), charges, addenda (likewise), and the names the editor shows.
import "server-only";
import type { Db } from "@/lib/db/types";
import { AppError } from "@/lib/errors";
import { listStaff } from "@/lib/clinics/list-staff";
import { parseWith } from "@/lib/validation/parse";
import { visitColumns, type Visit, type VisitAddendum, type VisitCharge, type VisitNotes } from "./visit-record";
import { visitScopeSchema, type VisitScope } from "./visit-scope";

export interface VisitDetail {
  visit: Visit;
  petName: string;
  petSpecies: string;
  clientId: string;
  clientName: string;
  vetName: string | null;
  finalizedByName: string | null;
  /** Null when the caller may not read SOAP notes, diagnoses and addenda. */
  notes: VisitNotes | null;
  charges: VisitCharge[];
  addenda: VisitAddendum[];
}

export async function getVisit(db: Db, scope: VisitScope): Promise<VisitDetail> {
  const { clinicId, visitId } = parseWith(visitScopeSchema, scope);
  const { rows } = await db.query<
    Visit & { petName: string; petSpecies: string; clientId: string; clientName: string }
  >(
    `select ${visitColumns}, p.name as "petName", p.species as "petSpecies", c.id as "clientId", c.full_name as "clientName"
       from public.visits v join public.pets p on p.id = v.pet_id join public.clients c on c.id = p.client_id
      where v.clinic_id = $1 and v.id = $2`,
    [clinicId, visitId],
  );
  const row = rows[0];
  if (!row) throw new AppError("NOT_FOUND", "No such visit.");
  const { petName, petSpecies, clientId, clientName, ...visit } = row;
  const notes = await db.query<VisitNotes>(
    "select n.subjective, n.objective, n.assessment, n.plan, n.diagnoses from public.visit_notes n where n.visit_id = $1",
    [visitId],
  );
  const charges = await db.query<VisitCharge>(
    `select ch.id, ch.kind, ch.description, ch.service_id as "serviceId", ch.quantity, ch.unit_price_cents as "unitPriceCents"
       from public.visit_charges ch where ch.visit_id = $1 order by ch.created_at, ch.id`,
    [visitId],
  );
  const addenda = await db.query<Omit<VisitAddendum, "authorName">>(
    `select a.id, a.body, a.author_id as "authorId", a.created_at as "createdAt"
       from public.visit_addenda a where a.visit_id = $1 order by a.created_at, a.id`,
    [visitId],
  );
  const names = new Map((await listStaff(db, clinicId)).map((m) => [m.userId, m.name]));
  const nameOf = (id: string | null) => (id ? (names.get(id) ?? null) : null);
  return {
    visit,
    petName,
    petSpecies,
    clientId,
    clientName,
    vetName: nameOf(visit.vetId),
    finalizedByName: nameOf(visit.finalizedBy),
    notes: notes.rows[0] ?? null,
    charges: charges.rows,
    addenda: addenda.rows.map((a) => ({ ...a, authorName: nameOf(a.authorId) })),
  };
}
