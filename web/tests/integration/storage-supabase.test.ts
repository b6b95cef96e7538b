// The Supabase Storage file store through the real @supabase/supabase-js, against a local stand-in for the
// Storage endpoints it calls (web/tests/helpers/stand-in-supabase-storage.ts): the requests it sends (paths,
// service key, content type), the answers it understands, and how failures come back.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors";
import { SupabaseFileStore } from "@/lib/storage/supabase-file-store";
import { startStandInStorage, type StandInStorage } from "../helpers/stand-in-supabase-storage";

let standIn: StandInStorage;
let store: SupabaseFileStore;
const key = "clinics/c1/pets/p1/photo.webp";
const bytes = Buffer.from("not really an image, but bytes all the same");

beforeAll(async () => {
  standIn = await startStandInStorage();
  store = new SupabaseFileStore({ url: standIn.url, serviceRoleKey: standIn.serviceRoleKey, bucket: standIn.bucket });
});

afterAll(() => standIn.close());

beforeEach(() => {
  standIn.failWith(null);
});

async function errorOf(p: Promise<unknown>) {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isAppError(err)) throw new Error(`expected an AppError, got ${String(err)}`);
  return err;
}

describe("Supabase file store (stand-in Storage server)", () => {
  it("uploads with the service key and the content type, and downloads the same bytes", async () => {
    await store.put(key, bytes, "image/webp");
    const upload = standIn.calls.at(-1);
    expect(upload).toMatchObject({
      method: "POST",
      path: `/storage/v1/object/vete-files/${key}`,
      authorization: `Bearer ${standIn.serviceRoleKey}`,
      apikey: standIn.serviceRoleKey,
      contentType: "image/webp",
    });
    expect(await store.get(key)).toEqual({ bytes, contentType: "image/webp" });
    expect(standIn.calls.at(-1)).toMatchObject({ method: "GET", path: `/storage/v1/object/vete-files/${key}` });
  });

  it("refuses to overwrite an existing key", async () => {
    const k = "clinics/c1/pets/p1/twice.webp";
    await store.put(k, bytes, "image/webp");
    expect(await errorOf(store.put(k, Buffer.from("other"), "image/webp"))).toMatchObject({ code: "CONFLICT" });
    expect((await store.get(k))?.bytes).toEqual(bytes);
  });

  it("makes a signed URL on the Supabase host that serves the file without a key until it expires", async () => {
    const url = await store.signedUrl(key, 60);
    expect(url.startsWith(`${standIn.url}/storage/v1/object/sign/vete-files/${key}?token=`)).toBe(true);
    const sign = standIn.calls.at(-1);
    expect(sign).toMatchObject({ method: "POST", path: `/storage/v1/object/sign/vete-files/${key}` });
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(bytes);
    // the token is bound to the object: the same token on another path is refused
    const other = url.replace("photo.webp", "twice.webp");
    expect((await fetch(other)).status).toBe(400);
  });

  it("answers null for a missing object and a signing error for it", async () => {
    expect(await store.get("clinics/c1/pets/p1/none.webp")).toBeNull();
    expect(await errorOf(store.signedUrl("clinics/c1/pets/p1/none.webp", 60))).toMatchObject({ code: "UNAVAILABLE" });
  });

  it("removes an object, and removing it again is not an error", async () => {
    const k = "clinics/c1/pets/p1/gone.webp";
    await store.put(k, bytes, "image/webp");
    await store.remove(k);
    expect(standIn.calls.at(-1)).toMatchObject({ method: "DELETE", path: "/storage/v1/object/vete-files" });
    expect(standIn.objects.has(k)).toBe(false);
    expect(await store.get(k)).toBeNull();
    await store.remove(k);
  });

  it("reports a wrong service key as storage unavailable (503), never as a missing file", async () => {
    const wrong = new SupabaseFileStore({ url: standIn.url, serviceRoleKey: "not-the-key", bucket: standIn.bucket });
    const err = await errorOf(wrong.put("clinics/c1/pets/p1/x.webp", bytes, "image/webp"));
    expect(err).toMatchObject({ code: "UNAVAILABLE", status: 503 });
    expect(standIn.calls.at(-1)).toMatchObject({ authorization: "Bearer not-the-key" });
    expect(await errorOf(wrong.get(key))).toMatchObject({ code: "UNAVAILABLE" });
    expect(standIn.objects.has("clinics/c1/pets/p1/x.webp")).toBe(false);
  });

  it("reports a Storage outage (500) and an unreachable host as 503", async () => {
    standIn.failWith({ status: 500, body: { statusCode: "500", error: "internal", message: "boom" } });
    expect(await errorOf(store.put("clinics/c1/pets/p1/y.webp", bytes, "image/webp"))).toMatchObject({
      code: "UNAVAILABLE",
    });
    expect(await errorOf(store.remove(key))).toMatchObject({ code: "UNAVAILABLE" });
    standIn.failWith(null);
    const nowhere = new SupabaseFileStore({ url: "http://127.0.0.1:9", serviceRoleKey: "k", bucket: "vete-files" });
    expect(await errorOf(nowhere.get(key))).toMatchObject({ code: "UNAVAILABLE" });
  });

  it("refuses keys that could leave the bucket's folder before calling Storage", async () => {
    const before = standIn.calls.length;
    expect(await errorOf(store.put("../other-bucket/x", bytes, "image/webp"))).toMatchObject({ code: "INVALID_INPUT" });
    expect(await errorOf(store.signedUrl(key, 0))).toMatchObject({ code: "INVALID_INPUT" });
    expect(standIn.calls.length).toBe(before);
  });
});
