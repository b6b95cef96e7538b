// Stores a prepared photo for a pet the caller may edit (its owner, or the clinic's staff) and points the pet
// at it, returning the key it replaced. The pet row is locked first (`for update`): two uploads for the same
// pet then run one after the other, and each sees the key the other wrote, so no replaced file is left behind
// unremoved. The replaced file is removed by the caller after the transaction commits (replacePetPhoto).
import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Db } from "@/lib/db/types";
import { AppError } from "@/lib/errors";
import type { FileStore } from "@/lib/storage/file-store";
import { parseWith } from "@/lib/validation/parse";
import type { PreparedPhoto } from "./prepare-pet-photo";

const scopeSchema = z.object({ clinicId: z.uuid(), petId: z.uuid() });
export type PetPhotoScope = z.input<typeof scopeSchema>;

/** Every photo of a pet lives under this prefix (the database checks it too: pets_photo_key_in_own_prefix). */
export function petPhotoPrefix(clinicId: string, petId: string): string {
  return `clinics/${clinicId}/pets/${petId}/`;
}

/** The pet's current photo key, with the row locked for the rest of the transaction; NOT_FOUND if not editable. */
export async function lockPetPhotoKey(db: Db, scope: PetPhotoScope): Promise<string | null> {
  const { clinicId, petId } = parseWith(scopeSchema, scope);
  const { rows } = await db.query<{ photoKey: string | null }>(
    `select p.photo_key as "photoKey" from public.pets p where p.clinic_id = $1 and p.id = $2 for update`,
    [clinicId, petId],
  );
  const row = rows[0];
  if (!row) throw new AppError("NOT_FOUND", "No such pet.");
  return row.photoKey;
}

export async function savePetPhoto(
  db: Db,
  store: FileStore,
  scope: PetPhotoScope,
  photo: PreparedPhoto,
): Promise<{ photoKey: string; replacedKey: string | null }> {
  const { clinicId, petId } = parseWith(scopeSchema, scope);
  const replacedKey = await lockPetPhotoKey(db, { clinicId, petId });
  const photoKey = `${petPhotoPrefix(clinicId, petId)}${randomUUID()}.webp`;
  await store.put(photoKey, photo.bytes, photo.contentType);
  try {
    await db.query(`update public.pets p set photo_key = $3 where p.clinic_id = $1 and p.id = $2`, [
      clinicId,
      petId,
      photoKey,
    ]);
  } catch (err) {
    await store.remove(photoKey).catch(() => undefined);
    throw err;
  }
  return { photoKey, replacedKey };
}
