// Pet photos through the app's routes, as Next calls them, with real sessions, the real database and the local
// file store in a temp directory: the owner and the clinic's staff upload and see the photo (resized, without
// EXIF) through a signed URL served over HTTP; bad files get a 4xx on the "photo" field; replacing or removing
// deletes the old file; another client or another clinic's staff can neither see nor change it; the database
// refuses a key outside the pet's own prefix; and concurrent uploads leave exactly one file.
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as fileGet } from "@/app/api/files/[...key]/route";
import {
  DELETE as photoDelete,
  GET as photoGet,
  POST as photoPost,
} from "@/app/api/clinics/[clinic]/pets/[petId]/photo/route";
import { withUser } from "@/lib/db/context";
import { closePool } from "@/lib/db/pool";
import { replacePetPhoto } from "@/lib/pets/replace-pet-photo";
import { getFileStore } from "@/lib/storage/get-file-store";
import { appUrl } from "../helpers/auth-http";
import {
  addStaff,
  closeTestPool,
  createClient,
  createClinic,
  createPet,
  testPool,
  type TestClinic,
  type TestUser,
} from "../helpers/factories";
import { call, signedIn } from "../helpers/route-calls";
import { serveCatchAll } from "../helpers/serve-route";

type Caller = TestUser & { cookie: string };

let root: string;
let files: { base: string; close: () => Promise<void> };
let clinic: TestClinic;
let otherClinic: TestClinic;
let owner: Caller;
let petId: string;
let ownerClientId: string;
let vet: Caller;
let otherClient: Caller;
let otherStaff: Caller;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "vete-pet-photos-"));
  process.env.STORAGE_DIR = root;
  files = await serveCatchAll(fileGet, "/api/files", "key");
  clinic = await createClinic();
  otherClinic = await createClinic();
  owner = await signedIn();
  const client = await createClient(clinic.id, { user: owner });
  ownerClientId = client.id;
  petId = (await createPet(clinic.id, client.id, { name: "Luna" })).id;
  vet = await signedIn();
  await addStaff(clinic.id, "vet", vet);
  otherClient = await signedIn();
  await createClient(clinic.id, { user: otherClient });
  otherStaff = await signedIn();
  await addStaff(otherClinic.id, "owner", otherStaff);
});

afterAll(async () => {
  await files.close();
  await rm(root, { recursive: true, force: true });
  await closePool();
  await closeTestPool();
});

const jpeg = (w: number, h: number) =>
  sharp({ create: { width: w, height: h, channels: 3, background: { r: 90, g: 160, b: 220 } } })
    .withExif({ IFD0: { Artist: "GpsOwnerMarker" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "40/1 25/1 0/1" } })
    .jpeg()
    .toBuffer();

async function upload(who: Caller, pet: string, file: Blob | null, slug = clinic.slug, init: RequestInit = {}) {
  const form = new FormData();
  if (file) form.append("photo", file, "photo.jpg");
  const req = new Request(`${appUrl()}/api/clinics/${slug}/pets/${pet}/photo`, {
    method: "POST",
    headers: { origin: appUrl(), cookie: who.cookie },
    body: form,
    ...init,
  });
  const res = await photoPost(req, { params: Promise.resolve({ clinic: slug, petId: pet }) });
  return {
    status: res.status,
    body: (await res.json()) as {
      photo?: { url: string } | null;
      error?: { code: string; fields?: Record<string, string[]> };
    },
  };
}

async function photoKey(pet = petId): Promise<string | null> {
  const { rows } = await testPool().query<{ photo_key: string | null }>(
    "select photo_key from public.pets where id = $1",
    [pet],
  );
  return rows[0]?.photo_key ?? null;
}

async function storedFiles(pet = petId): Promise<string[]> {
  return readdir(path.join(root, "objects", "clinics", clinic.id, "pets", pet)).catch(() => []);
}

describe("uploading and seeing a pet's photo", () => {
  it("the owner uploads a JPEG; it is stored resized as WebP without EXIF and shown through a signed URL", async () => {
    const res = await upload(owner, petId, new Blob([await jpeg(2400, 1800)], { type: "image/jpeg" }));
    expect(res.status).toBe(200);
    const key = await photoKey();
    expect(key).toMatch(new RegExp(`^clinics/${clinic.id}/pets/${petId}/[0-9a-f-]{36}\\.webp$`));
    const url = res.body.photo?.url ?? "";
    expect(url.startsWith(`/api/files/${key}?expires=`)).toBe(true);
    const served = await fetch(`${files.base}${url}`);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/webp");
    const image = Buffer.from(await served.arrayBuffer());
    const meta = await sharp(image).metadata();
    expect(meta).toMatchObject({ format: "webp", width: 1024, height: 768 });
    expect(meta.exif).toBeUndefined();
    expect(image.includes(Buffer.from("GpsOwnerMarker"))).toBe(false);
  });

  it("the clinic's staff see the same photo and can replace it; the replaced file is removed", async () => {
    const before = await photoKey();
    const seen = await call(photoGet, clinic.slug, "GET", `/pets/${petId}/photo`, vet.cookie, undefined, { petId });
    expect(seen.status).toBe(200);
    expect((seen.body.photo as { url: string }).url).toContain(before ?? "missing");
    const png = await sharp({ create: { width: 300, height: 300, channels: 4, background: "#ffffff80" } })
      .png()
      .toBuffer();
    const res = await upload(vet, petId, new Blob([png], { type: "image/png" }));
    expect(res.status).toBe(200);
    const after = await photoKey();
    expect(after).not.toBe(before);
    expect(await storedFiles()).toEqual([path.basename(after ?? "")]);
  });

  it("refuses bad files with a 4xx naming the photo field, and keeps the current photo", async () => {
    const current = await photoKey();
    const text = new Blob([Buffer.from("hello, I am a text file called photo.jpg")], { type: "image/jpeg" });
    const cases = [
      { file: text, status: 415, code: "UNSUPPORTED_MEDIA_TYPE" },
      {
        file: new Blob([Buffer.alloc(6 * 1024 * 1024, 0xff)], { type: "image/jpeg" }),
        status: 413,
        code: "PAYLOAD_TOO_LARGE",
      },
      {
        file: new Blob([(await jpeg(400, 400)).subarray(0, 300)], { type: "image/jpeg" }),
        status: 422,
        code: "INVALID_INPUT",
      },
      { file: null, status: 422, code: "INVALID_INPUT" },
    ];
    for (const c of cases) {
      const res = await upload(owner, petId, c.file);
      expect(res.status, c.code).toBe(c.status);
      expect(res.body.error).toMatchObject({ code: c.code, fields: { photo: [expect.any(String)] } });
    }
    const json = await upload(owner, petId, null, clinic.slug, {
      body: JSON.stringify({ photo: "data:image/png;base64,AAAA" }),
      headers: { origin: appUrl(), cookie: owner.cookie, "content-type": "application/json" },
    });
    expect(json.status).toBe(415);
    expect(json.body.error?.fields).toHaveProperty("photo");
    expect(await photoKey()).toBe(current);
    expect(await storedFiles()).toEqual([path.basename(current ?? "")]);
  });

  it("refuses an oversized body by its declared length before reading it", async () => {
    const res = await upload(owner, petId, null, clinic.slug, {
      body: "x",
      headers: {
        origin: appUrl(),
        cookie: owner.cookie,
        "content-type": "multipart/form-data; boundary=abc",
        "content-length": String(50 * 1024 * 1024),
      },
    });
    expect(res.status).toBe(413);
    expect(res.body.error?.fields).toHaveProperty("photo");
  });
});

describe("who may see or change a pet's photo", () => {
  it("another client of the same clinic gets 404 for reading, uploading and removing", async () => {
    const current = await photoKey();
    expect(
      (await call(photoGet, clinic.slug, "GET", `/pets/${petId}/photo`, otherClient.cookie, undefined, { petId }))
        .status,
    ).toBe(404);
    const png = new Blob([
      await sharp({ create: { width: 20, height: 20, channels: 3, background: "#000" } })
        .png()
        .toBuffer(),
    ]);
    expect((await upload(otherClient, petId, png)).status).toBe(404);
    expect(
      (await call(photoDelete, clinic.slug, "DELETE", `/pets/${petId}/photo`, otherClient.cookie, undefined, { petId }))
        .status,
    ).toBe(404);
    expect(await photoKey()).toBe(current);
    expect(await storedFiles()).toEqual([path.basename(current ?? "")]);
  });

  it("another clinic's staff get 404 through their clinic and 403 through this one", async () => {
    const png = new Blob([
      await sharp({ create: { width: 20, height: 20, channels: 3, background: "#000" } })
        .png()
        .toBuffer(),
    ]);
    expect(
      (await call(photoGet, otherClinic.slug, "GET", `/pets/${petId}/photo`, otherStaff.cookie, undefined, { petId }))
        .status,
    ).toBe(404);
    expect((await upload(otherStaff, petId, png, otherClinic.slug)).status).toBe(404);
    expect(
      (await call(photoGet, clinic.slug, "GET", `/pets/${petId}/photo`, otherStaff.cookie, undefined, { petId }))
        .status,
    ).toBe(403);
    expect((await upload(otherStaff, petId, png)).status).toBe(403);
    expect(await readdir(path.join(root, "objects", "clinics"))).toEqual([clinic.id]);
  });

  it("the database refuses a photo key outside the pet's own prefix, even written directly by its owner", async () => {
    const foreign = `clinics/${otherClinic.id}/pets/${petId}/stolen.webp`;
    const err = await withUser(owner, (db) =>
      db.query("update public.pets set photo_key = $2 where id = $1", [petId, foreign]),
    ).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeTruthy();
    for (const key of [`clinics/${clinic.id}/pets/${petId}/../../x/y.webp`, `clinics/${clinic.id}/pets/${petId}/`]) {
      await expect(
        testPool().query("update public.pets set photo_key = $2 where id = $1", [petId, key]),
      ).rejects.toThrow(/pets_photo_key_in_own_prefix/);
    }
  });
});

describe("removing and racing", () => {
  it("DELETE removes the photo and its file; the page then has none", async () => {
    const res = await call(photoDelete, clinic.slug, "DELETE", `/pets/${petId}/photo`, owner.cookie, undefined, {
      petId,
    });
    expect(res).toEqual({ status: 200, body: { photo: null } });
    expect(await photoKey()).toBeNull();
    expect(await storedFiles()).toEqual([]);
    const seen = await call(photoGet, clinic.slug, "GET", `/pets/${petId}/photo`, owner.cookie, undefined, { petId });
    expect(seen).toEqual({ status: 200, body: { photo: null } });
  });

  it("concurrent uploads for one pet leave exactly one file: the one the pet names", async () => {
    const racedPet = (await createPet(clinic.id, ownerClientId, { name: "Racer" })).id;
    const scope = { clinicId: clinic.id, petId: racedPet };
    const photo = await jpeg(64, 64);
    await Promise.all(
      Array.from({ length: 6 }, () => replacePetPhoto((fn) => withUser(owner, fn), getFileStore(), scope, photo)),
    );
    const key = await photoKey(racedPet);
    expect(await storedFiles(racedPet)).toEqual([path.basename(key ?? "")]);
  });
});
