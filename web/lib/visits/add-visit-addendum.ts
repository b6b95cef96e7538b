// A clinician corrects or adds to a finalized visit with an addendum: append-only, author and time set by
// the database (guard_addendum), never edited or deleted.
import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/types";
import { parseWith } from "@/lib/validation/parse";
import type { VisitAddendum } from "./visit-record";
import { visitScopeSchema, type VisitScope } from "./visit-scope";

export const addVisitAddendumSchema = z.strictObject({
  body: z.string().trim().min(1, "Write the addendum").max(4000, "At most 4000 characters"),
});
export type AddVisitAddendumInput = z.input<typeof addVisitAddendumSchema>;

export async function addVisitAddendum(
  db: Db,
  scope: VisitScope,
  input: AddVisitAddendumInput,
): Promise<Omit<VisitAddendum, "authorName">> {
  const { clinicId, visitId } = parseWith(visitScopeSchema, scope);
  const { body } = parseWith(addVisitAddendumSchema, input);
  const { rows } = await db.query<Omit<VisitAddendum, "authorName">>(
    `insert into public.visit_addenda (clinic_id, visit_id, body) values ($1, $2, $3)
     returning id, body, author_id as "authorId", created_at as "createdAt"`,
    [clinicId, visitId, body],
  );
  return rows[0] as Omit<VisitAddendum, "authorName">;
}
