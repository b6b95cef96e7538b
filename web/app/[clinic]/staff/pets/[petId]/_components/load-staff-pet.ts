// The pet a staff sub-page is about, or the page's 404 (another clinic's pet, a malformed id).
import "server-only";
import { notFound } from "next/navigation";
import type { CurrentUser } from "@/lib/auth/session";
import { withUser } from "@/lib/db/context";
import type { Db } from "@/lib/db/types";
import { isAppError } from "@/lib/errors";
import { getPet } from "@/lib/pets/get-pet";
import type { PetRecord } from "@/lib/pets/pet-record";

export async function loadStaffPet<T>(
  user: CurrentUser,
  clinicId: string,
  petId: string,
  more: (db: Db, pet: PetRecord & { clientName: string }) => Promise<T>,
): Promise<{ pet: PetRecord & { clientName: string }; data: T }> {
  const result = await withUser(user, async (db) => {
    const pet = await getPet(db, { clinicId, petId });
    return { pet, data: await more(db, pet) };
  }).catch((err: unknown) => {
    if (isAppError(err) && (err.code === "NOT_FOUND" || err.code === "INVALID_INPUT")) return null;
    throw err;
  });
  if (!result) notFound();
  return result;
}
