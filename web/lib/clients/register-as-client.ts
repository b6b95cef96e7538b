// The signed-in person becomes a client of a clinic (or is linked to the record staff made for their
// verified email). Identity comes from the session inside SQL; the function is idempotent per person.
import "server-only";
import { z } from "zod";
import { rpcOne } from "@/lib/db/rpc";
import type { Db } from "@/lib/db/types";
import { AppError } from "@/lib/errors";
import { parseWith } from "@/lib/validation/parse";
import {
  fullNameField,
  optionalText,
  phoneField,
  toClientRecord,
  type ClientRecord,
  type ClientRow,
} from "./client-record";

declare module "@/lib/db/rpc" {
  interface RpcFunctions {
    register_as_client: {
      args: { p_clinic_slug: string; p_full_name?: string | null; p_phone?: string | null };
      returns: ClientRow;
    };
  }
}

export const registerAsClientSchema = z.strictObject({
  fullName: optionalText(fullNameField),
  phone: optionalText(phoneField),
});
export type RegisterAsClientInput = z.input<typeof registerAsClientSchema>;

export async function registerAsClient(
  db: Db,
  clinicSlug: string,
  input: RegisterAsClientInput = {},
): Promise<ClientRecord> {
  const data = parseWith(registerAsClientSchema, input);
  const row = await rpcOne(db, "register_as_client", {
    p_clinic_slug: clinicSlug,
    p_full_name: data.fullName ?? null,
    p_phone: data.phone ?? null,
  });
  if (!row) throw new AppError("NOT_FOUND", "No clinic at that address.");
  return toClientRecord(row);
}
