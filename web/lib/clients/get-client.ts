// One client of the clinic, for staff (RLS hides other clinics' clients: they are simply not found).
import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/types";
import { AppError } from "@/lib/errors";
import { parseWith } from "@/lib/validation/parse";
import { clientColumns, type ClientRecord } from "./client-record";

const getClientSchema = z.object({ clinicId: z.uuid(), clientId: z.uuid() });

export async function getClient(db: Db, input: z.input<typeof getClientSchema>): Promise<ClientRecord> {
  const { clinicId, clientId } = parseWith(getClientSchema, input);
  const { rows } = await db.query<ClientRecord>(
    `select ${clientColumns} from public.clients c where c.clinic_id = $1 and c.id = $2`,
    [clinicId, clientId],
  );
  const row = rows[0];
  if (!row) throw new AppError("NOT_FOUND", "No such client.");
  return row;
}
