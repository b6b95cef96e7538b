// A client edits their own name, contact details, language, and contact preferences / consents.
// Email, user and clinic are not in the schema, and the column grants and policies refuse them anyway.
import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/types";
import { AppError } from "@/lib/errors";
import { parseWith } from "@/lib/validation/parse";
import {
  buildAssignments,
  clientColumnNames,
  clientColumns,
  contactPreferenceFields,
  fullNameField,
  type ClientRecord,
} from "./client-record";

export const updateMyClientProfileSchema = z.strictObject({
  fullName: fullNameField.optional(),
  ...contactPreferenceFields,
});
export type UpdateMyClientProfileInput = z.input<typeof updateMyClientProfileSchema>;

const scopeSchema = z.object({ clinicId: z.uuid() });

export async function updateMyClientProfile(
  db: Db,
  scope: z.input<typeof scopeSchema>,
  input: UpdateMyClientProfileInput,
): Promise<ClientRecord> {
  const { clinicId } = parseWith(scopeSchema, scope);
  const patch = parseWith(updateMyClientProfileSchema, input);
  const params: unknown[] = [clinicId];
  const sets = buildAssignments(patch, clientColumnNames, params);
  // With nothing to change, a no-op update still proves the row exists and is ours.
  if (!sets.length) sets.push("full_name = c.full_name");
  const { rows } = await db.query<ClientRecord>(
    `update public.clients c set ${sets.join(", ")}
      where c.clinic_id = $1 and c.user_id = private.current_user_id()
      returning ${clientColumns}`,
    params,
  );
  const row = rows[0];
  if (!row) throw new AppError("NOT_FOUND", "You are not a client of this clinic yet.");
  return row;
}
