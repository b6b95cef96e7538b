// The signed-in person's own client record at one clinic (RLS: a client sees only their own row).
import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/types";
import { AppError } from "@/lib/errors";
import { parseWith } from "@/lib/validation/parse";
import { clientColumns, type ClientRecord } from "./client-record";

const scopeSchema = z.object({ clinicId: z.uuid() });

export async function getMyClientProfile(db: Db, scope: z.input<typeof scopeSchema>): Promise<ClientRecord> {
  const { clinicId } = parseWith(scopeSchema, scope);
  const { rows } = await db.query<ClientRecord>(
    `select ${clientColumns} from public.clients c where c.clinic_id = $1 and c.user_id = private.current_user_id()`,
    [clinicId],
  );
  const row = rows[0];
  if (!row) throw new AppError("NOT_FOUND", "You are not a client of this clinic yet.");
  return row;
}
