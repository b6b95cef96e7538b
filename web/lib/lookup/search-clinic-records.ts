// Front-desk lookup: the clinic's clients and pets matching what staff type (name, phone, email, microchip),
// ranked in SQL (public.search_clinic_records) from trigram indexes, so it answers as they type.
import "server-only";
import { z } from "zod";
import { rpc } from "@/lib/db/rpc";
import type { Db } from "@/lib/db/types";
import { parseWith } from "@/lib/validation/parse";

export const searchQuerySchema = z.object({
  q: z.string().trim().min(1).max(100),
  limit: z.coerce.number().int().min(1).max(50).default(10),
  /** Only clients or only pets (the invoice editor picks a client). */
  kind: z.enum(["client", "pet"]).optional(),
});

export interface LookupResult {
  kind: "client" | "pet";
  id: string;
  label: string;
  clientId: string;
  clientName: string;
  phone: string | null;
  email: string | null;
  species: string | null;
  microchip: string | null;
  archived: boolean;
}

interface SearchRow {
  kind: "client" | "pet";
  id: string;
  label: string;
  client_id: string;
  client_name: string;
  phone: string | null;
  email: string | null;
  species: string | null;
  microchip: string | null;
  archived: boolean;
  rank: number;
}

declare module "@/lib/db/rpc" {
  interface RpcFunctions {
    search_clinic_records: {
      args: { p_clinic_id: string; p_query: string; p_limit?: number; p_kind?: "client" | "pet" | null };
      returns: SearchRow;
    };
  }
}

export async function searchClinicRecords(
  db: Db,
  clinicId: string,
  input: z.input<typeof searchQuerySchema>,
): Promise<LookupResult[]> {
  const { q, limit, kind } = parseWith(searchQuerySchema, input);
  const rows = await rpc(db, "search_clinic_records", {
    p_clinic_id: clinicId,
    p_query: q,
    p_limit: limit,
    // the kind filters inside the search, before its limit: a flood of pets can not crowd out the clients
    p_kind: kind ?? null,
  });
  return rows.map((r) => ({
    kind: r.kind,
    id: r.id,
    label: r.label,
    clientId: r.client_id,
    clientName: r.client_name,
    phone: r.phone,
    email: r.email,
    species: r.species,
    microchip: r.microchip,
    archived: r.archived,
  }));
}
