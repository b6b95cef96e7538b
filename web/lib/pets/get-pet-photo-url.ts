// A short-lived signed URL for a pet's photo, or null when it has none. The key is read under RLS, so only
// someone who can see the pet (its owner, the clinic's staff) ever gets a URL; the URL itself then works for
// whoever holds it until it expires, which is why it lives only minutes.
import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/types";
import { AppError } from "@/lib/errors";
import type { FileStore } from "@/lib/storage/file-store";
import { parseWith } from "@/lib/validation/parse";

export const PET_PHOTO_URL_SECONDS = 300;

const scopeSchema = z.object({ clinicId: z.uuid(), petId: z.uuid() });

export async function getPetPhotoUrl(
  db: Db,
  store: FileStore,
  scope: z.input<typeof scopeSchema>,
): Promise<{ url: string; expiresInSeconds: number } | null> {
  const { clinicId, petId } = parseWith(scopeSchema, scope);
  const { rows } = await db.query<{ photoKey: string | null }>(
    `select p.photo_key as "photoKey" from public.pets p where p.clinic_id = $1 and p.id = $2`,
    [clinicId, petId],
  );
  const row = rows[0];
  if (!row) throw new AppError("NOT_FOUND", "No such pet.");
  if (!row.photoKey) return null;
  return { url: await store.signedUrl(row.photoKey, PET_PHOTO_URL_SECONDS), expiresInSeconds: PET_PHOTO_URL_SECONDS };
}
