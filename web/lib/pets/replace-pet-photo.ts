// Upload and removal of a pet's photo as one step each: the row changes in the caller's transaction (RLS
// decides who may), and the file the row no longer names is removed only after that transaction committed,
// so a failed change never leaves a pet pointing at a deleted file.
import "server-only";
import type { Db } from "@/lib/db/types";
import type { FileStore } from "@/lib/storage/file-store";
import { preparePetPhoto } from "./prepare-pet-photo";
import { lockPetPhotoKey, savePetPhoto, type PetPhotoScope } from "./save-pet-photo";

/** Runs fn in one transaction as the caller (withUser bound to the signed-in user). */
export type RunAsCaller = <T>(fn: (db: Db) => Promise<T>) => Promise<T>;

async function removeReplaced(store: FileStore, key: string | null): Promise<void> {
  if (!key) return;
  // The pet no longer names it; a failure here only leaves an unreachable file behind.
  await store.remove(key).catch((err: unknown) => console.warn(`[storage] could not remove ${key}`, err));
}

export async function replacePetPhoto(
  run: RunAsCaller,
  store: FileStore,
  scope: PetPhotoScope,
  file: Uint8Array,
): Promise<{ photoKey: string }> {
  const photo = await preparePetPhoto(file);
  const { photoKey, replacedKey } = await run((db) => savePetPhoto(db, store, scope, photo));
  await removeReplaced(store, replacedKey);
  return { photoKey };
}

export async function removePetPhoto(run: RunAsCaller, store: FileStore, scope: PetPhotoScope): Promise<void> {
  const removedKey = await run(async (db) => {
    const key = await lockPetPhotoKey(db, scope);
    if (key) {
      await db.query("update public.pets p set photo_key = null where p.clinic_id = $1 and p.id = $2", [
        scope.clinicId,
        scope.petId,
      ]);
    }
    return key;
  });
  await removeReplaced(store, removedKey);
}
