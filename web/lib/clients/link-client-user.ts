// Staff link a client record they created to the verified account that signed up with the same email.
// The SQL function checks the caller's role in the record's clinic; the clinic check here keeps a URL for
// one clinic from acting on another clinic's record (the transaction rolls back if it does not match).
import "server-only";
import { z } from "zod";
import { rpcOne } from "@/lib/db/rpc";
import type { Db } from "@/lib/db/types";
import { AppError } from "@/lib/errors";
import { parseWith } from "@/lib/validation/parse";
import { toClientRecord, type ClientRecord, type ClientRow } from "./client-record";

declare module "@/lib/db/rpc" {
  interface RpcFunctions {
    link_client_user: { args: { p_client_id: string }; returns: ClientRow };
  }
}

const linkClientUserSchema = z.object({ clinicId: z.uuid(), clientId: z.uuid() });

/** Must run inside withUser: throwing after the call rolls the link back. */
export async function linkClientUser(db: Db, input: z.input<typeof linkClientUserSchema>): Promise<ClientRecord> {
  const { clinicId, clientId } = parseWith(linkClientUserSchema, input);
  const row = await rpcOne(db, "link_client_user", { p_client_id: clientId });
  if (!row || row.clinic_id !== clinicId) throw new AppError("NOT_FOUND", "No such client.");
  return toClientRecord(row);
}
