// Signed photo URLs for several pets at once (a client's pet list), keyed by pet id; pets without a photo, or
// that the caller cannot see under RLS, are simply absent.
import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/types";
import type { FileStore } from "@/lib/storage/file-store";
import { parseWith } from "@/lib/validation/parse";
import { PET_PHOTO_URL_SECONDS } from "./get-pet-photo-url";

const inputSchema = z.object({ clinicId: z.uuid(), petIds: z.array(z.uuid()).max(200) });

export async function listPetPhotoUrls(
  db: Db,
  store: FileStore,
  input: z.input<typeof inputSchema>,
): Promise<Map<string, string>> {
  const { clinicId, petIds } = parseWith(inputSchema, input);
  if (petIds.length === 0) return new Map();
  const { rows } = await db.query<{ id: string; photoKey: string }>(
    `select p.id, p.photo_key as "photoKey" from public.pets p
      where p.clinic_id = $1 and p.id = any($2::uuid[]) and p.photo_key is not null`,
    [clinicId, petIds],
  );
  const signed = await Promise.all(
    rows.map(async (r) => [r.id, await store.signedUrl(r.photoKey, PET_PHOTO_URL_SECONDS)] as const),
  );
  return new Map(signed);
}
