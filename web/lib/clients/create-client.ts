// Staff add a client, with or without an email (a person without a login can still be a client).
// The insert policy admits only staff of this clinic; user_id is never writable here (link-client-user does that).
import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/types";
import { parseWith } from "@/lib/validation/parse";
import {
  clientColumns,
  contactPreferenceFields,
  emailField,
  fullNameField,
  optionalText,
  type ClientRecord,
} from "./client-record";

export const createClientSchema = z.strictObject({
  fullName: fullNameField,
  email: optionalText(emailField),
  ...contactPreferenceFields,
});
export type CreateClientInput = z.input<typeof createClientSchema>;

const scopeSchema = z.object({ clinicId: z.uuid() });

export async function createClient(
  db: Db,
  scope: z.input<typeof scopeSchema>,
  input: CreateClientInput,
): Promise<ClientRecord> {
  const { clinicId } = parseWith(scopeSchema, scope);
  const d = parseWith(createClientSchema, input);
  const { rows } = await db.query<ClientRecord>(
    `insert into public.clients as c (clinic_id, full_name, email, phone, address, locale, preferred_channel,
                                      email_reminders, sms_reminders, marketing_opt_in)
     values ($1, $2, $3, $4, $5, $6, coalesce($7, 'email'), coalesce($8, true), coalesce($9, false), coalesce($10, false))
     returning ${clientColumns}`,
    [
      clinicId,
      d.fullName,
      d.email ?? null,
      d.phone ?? null,
      d.address ?? null,
      d.locale ?? null,
      d.preferredChannel ?? null,
      d.emailReminders ?? null,
      d.smsReminders ?? null,
      d.marketingOptIn ?? null,
    ],
  );
  const row = rows[0];
  if (!row) throw new Error("insert into clients returned no row");
  return row;
}
