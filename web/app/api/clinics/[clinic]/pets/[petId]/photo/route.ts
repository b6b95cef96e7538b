import { withUser } from "@/lib/db/context";
import { apiHandler } from "@/lib/http/api-handler";
import { readUploadedFile } from "@/lib/http/read-uploaded-file";
import { notFound } from "@/lib/http/respond";
import { getPetPhotoUrl } from "@/lib/pets/get-pet-photo-url";
import { MAX_PHOTO_BYTES, photoTooLarge } from "@/lib/pets/prepare-pet-photo";
import { removePetPhoto, replacePetPhoto } from "@/lib/pets/replace-pet-photo";
import { getFileStore } from "@/lib/storage/get-file-store";

// GET /api/clinics/[clinic]/pets/[petId]/photo - a short-lived signed URL for the pet's photo ({photo: null} if none)
export const GET = apiHandler({ action: "pets.use" }, async ({ user, access, params }) => {
  if (!access) throw notFound();
  const scope = { clinicId: access.clinic.id, petId: params.petId ?? "" };
  return { photo: await withUser(user, (db) => getPetPhotoUrl(db, getFileStore(), scope)) };
});

// POST /api/clinics/[clinic]/pets/[petId]/photo - upload (or replace) the pet's photo: multipart field "photo"
export const POST = apiHandler({ action: "pets.use", ownBody: true }, async ({ req, user, access, params }) => {
  if (!access) throw notFound();
  const scope = { clinicId: access.clinic.id, petId: params.petId ?? "" };
  const file = await readUploadedFile(req, { field: "photo", maxFileBytes: MAX_PHOTO_BYTES, tooLarge: photoTooLarge });
  const store = getFileStore();
  await replacePetPhoto((fn) => withUser(user, fn), store, scope, file);
  return { photo: await withUser(user, (db) => getPetPhotoUrl(db, store, scope)) };
});

// DELETE /api/clinics/[clinic]/pets/[petId]/photo - remove the pet's photo
export const DELETE = apiHandler({ action: "pets.use" }, async ({ user, access, params }) => {
  if (!access) throw notFound();
  const scope = { clinicId: access.clinic.id, petId: params.petId ?? "" };
  await removePetPhoto((fn) => withUser(user, fn), getFileStore(), scope);
  return { photo: null };
});
