// The local file store for real: files in a directory, signed URLs fetched over HTTP from the app's own
// route (GET /api/files/<key>), expiry with a moved clock, tampered links, keys that try to leave the
// directory, and removal. Every refusal is a 403 or 404 with our JSON error, never a 500.
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/files/[...key]/route";
import { isAppError } from "@/lib/errors";
import { getFileStore } from "@/lib/storage/get-file-store";
import { LocalFileStore } from "@/lib/storage/local-file-store";
import { fileUrlKey } from "@/lib/storage/signed-path";
import { fromNow, MINUTE } from "../helpers/dates";
import { serveCatchAll } from "../helpers/serve-route";

let root: string;
let server: { base: string; close: () => Promise<void> };
const bytes = Buffer.from("pretend these are the bytes of a photo");
const key = "clinics/c1/pets/p1/photo.webp";

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "vete-storage-"));
  process.env.STORAGE_DIR = root;
  server = await serveCatchAll(GET, "/api/files", "key");
});

afterAll(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

/** A store on the same directory and secret as the app's, with its own clock. */
function storeAt(now: () => number) {
  return new LocalFileStore({ root, signingKey: fileUrlKey(process.env.BETTER_AUTH_SECRET ?? ""), now });
}

async function fetchPath(p: string) {
  const res = await fetch(`${server.base}${p}`);
  const body = Buffer.from(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, body };
}

function errorCode(body: Buffer): string {
  return (JSON.parse(body.toString("utf8")) as { error: { code: string } }).error.code;
}

describe("local file store", () => {
  it("stores a file and serves it through its signed URL over HTTP, with its type and no sniffing", async () => {
    await getFileStore().put(key, bytes, "image/webp");
    const url = await getFileStore().signedUrl(key, 60);
    expect(url).toMatch(/^\/api\/files\/clinics\/c1\/pets\/p1\/photo\.webp\?expires=\d+&sig=/);
    const res = await fetchPath(url);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(bytes);
    expect(res.headers.get("content-type")).toBe("image/webp");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("cache-control")).toMatch(/^private, max-age=(59|60)$/);
    expect(await readdir(path.join(root, "objects", "clinics", "c1", "pets", "p1"))).toEqual(["photo.webp"]);
  });

  it("refuses a link once it has expired (403), and serves one dated a minute ago with time left", async () => {
    const past = fromNow(-10 * MINUTE).getTime();
    const expired = await storeAt(() => past).signedUrl(key, 60);
    const res = await fetchPath(expired);
    expect(res.status).toBe(403);
    expect(errorCode(res.body)).toBe("FORBIDDEN");
    const recent = fromNow(-MINUTE).getTime();
    expect((await fetchPath(await storeAt(() => recent).signedUrl(key, 300))).status).toBe(200);
  });

  it("refuses tampered links with 403: another key, a later expiry, another signature, none at all", async () => {
    await getFileStore().put("clinics/c2/pets/p9/secret.webp", Buffer.from("another clinic's file"), "image/webp");
    const url = await getFileStore().signedUrl(key, 60);
    const u = new URL(url, "http://x");
    const sig = u.searchParams.get("sig") ?? "";
    const expires = Number(u.searchParams.get("expires"));
    const tampered = [
      url.replace("clinics/c1/pets/p1/photo.webp", "clinics/c2/pets/p9/secret.webp"),
      url.replace(`expires=${expires}`, `expires=${expires + 86_400}`),
      url.replace(`sig=${sig}`, `sig=${sig.slice(0, -2)}${sig.endsWith("AA") ? "BB" : "AA"}`),
      url.replace(`&sig=${sig}`, ""),
      `/api/files/${key}`,
    ];
    for (const t of tampered) {
      const res = await fetchPath(t);
      expect(res.status, t).toBe(403);
      expect(errorCode(res.body)).toBe("FORBIDDEN");
    }
  });

  it("never serves a file outside the store, whatever the path says", async () => {
    const sig = new URL(await getFileStore().signedUrl(key, 60), "http://x").search;
    for (const p of [
      `/api/files/..%2F..%2F..%2Fetc%2Fpasswd${sig}`,
      `/api/files/clinics/%2e%2e/%2e%2e/meta/x${sig}`,
      `/api/files/clinics/c1/pets/p1/PHOTO.webp${sig}`,
      `/api/files/${"a/".repeat(150)}b${sig}`,
    ]) {
      const res = await fetchPath(p);
      expect(res.status, p).toBe(403);
    }
    const err = await getFileStore()
      .put("../escape.txt", bytes, "text/plain")
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(isAppError(err) && err.code).toBe("INVALID_INPUT");
    expect(await readdir(root)).toEqual(expect.arrayContaining(["objects", "meta"]));
    expect((await readdir(root)).length).toBe(2);
  });

  it("answers 404 for a validly signed link to a file that is not there", async () => {
    const res = await fetchPath(await getFileStore().signedUrl("clinics/c1/pets/p1/never.webp", 60));
    expect(res.status).toBe(404);
    expect(errorCode(res.body)).toBe("NOT_FOUND");
  });

  it("refuses to overwrite a key, and after remove the link answers 404 and get answers null", async () => {
    const k = "clinics/c1/pets/p1/removed.webp";
    await getFileStore().put(k, bytes, "image/webp");
    const again = await getFileStore()
      .put(k, Buffer.from("x"), "image/webp")
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(isAppError(again) && again.code).toBe("CONFLICT");
    const url = await getFileStore().signedUrl(k, 60);
    expect((await fetchPath(url)).status).toBe(200);
    await getFileStore().remove(k);
    expect((await fetchPath(url)).status).toBe(404);
    expect(await getFileStore().get(k)).toBeNull();
    await getFileStore().remove(k);
  });
});
