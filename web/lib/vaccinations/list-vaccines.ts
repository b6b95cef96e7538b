// The clinic's vaccine list for staff (RLS: staff of the clinic), optionally only those in use for a species.
import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/types";
import { parseWith } from "@/lib/validation/parse";
import { speciesValues, vaccineColumns, type Vaccine } from "./vaccine-record";

const listSchema = z.object({ clinicId: z.uuid(), forSpecies: z.enum(speciesValues).optional() });

export async function listVaccines(db: Db, input: z.input<typeof listSchema>): Promise<Vaccine[]> {
  const { clinicId, forSpecies } = parseWith(listSchema, input);
  const { rows } = await db.query<Vaccine>(
    `select ${vaccineColumns} from public.vaccines x
      where x.clinic_id = $1 and ($2::text is null or (x.active and (x.species is null or x.species = $2)))
      order by x.active desc, x.name, x.species nulls first
      limit 500`,
    [clinicId, forSpecies ?? null],
  );
  return rows;
}
