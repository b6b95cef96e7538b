-- Why: pets get a photo. The bytes live in file storage (web/lib/storage: Supabase Storage or a local
-- directory); the row keeps only the object's key. The check keeps every key under the pet's own prefix
-- (clinics/<clinic_id>/pets/<pet_id>/...), so a row can never point at another clinic's or another pet's
-- file even if someone writes the column directly; signed URLs are only ever made for the key of a pet row
-- the caller can read under RLS. The existing pets policies decide who may set it (the owner or the
-- clinic's staff); the column grant is the only new privilege.

alter table public.pets add column photo_key text;

alter table public.pets add constraint pets_photo_key_in_own_prefix check (
  photo_key is null
  or (
    length(photo_key) <= 200
    and photo_key ~ '^[a-z0-9][a-z0-9._-]*(/[a-z0-9][a-z0-9._-]*)*$'
    and starts_with(photo_key, 'clinics/' || clinic_id::text || '/pets/' || id::text || '/')
  )
);

comment on column public.pets.photo_key is 'Storage key of the pet''s photo (web/lib/storage), under clinics/<clinic_id>/pets/<id>/; null when none.';

revoke all (photo_key) on public.pets from public, anon, authenticated;
grant update (photo_key) on public.pets to authenticated;
