// Staff edit a client of their clinic, including the contact email. Rows of other clinics are invisible
// under RLS, so the update touches nothing and the client is reported not found.
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
  emailField,
  fullNameField,
  optionalText,
  type ClientRecord,
} from "./client-record";

export const updateClientSchema = z.strictObject({
  fullName: fullNameField.optional(),
  email: optionalText(emailField),
  ...contactPreferenceFields,
});
export type UpdateClientInput = z.input<typeof updateClientSchema>;

const scopeSchema = z.object({ clinicId: z.uuid(), clientId: z.uuid() });

export async function updateClient(
  db: Db,
  scope: z.input<typeof scopeSchema>,
  input: UpdateClientInput,
): Promise<ClientRecord> {
  const { clinicId, clientId } = parseWith(scopeSchema, scope);
  const patch = parseWith(updateClientSchema, input);
  const params: unknown[] = [clinicId, clientId];
  const sets = buildAssignments(patch, clientColumnNames, params);
  if (!sets.length) sets.push("full_name = c.full_name");
  const { rows } = await db.query<ClientRecord>(
    `update public.clients c set ${sets.join(", ")} where c.clinic_id = $1 and c.id = $2 returning ${clientColumns}`,
    params,
  );
  const row = rows[0];
  if (!row) throw new AppError("NOT_FOUND", "No such client.");
  return row;
}
