// Signed URLs for the local file store: the key and an expiry instant, signed with a key derived from the
// app's auth secret. The route that serves them (web/app/api/files/[...key]) checks both; it never trusts the
// key without the signature, and compares signatures in constant time.
import { createHmac, timingSafeEqual } from "node:crypto";
import { isValidKey } from "./file-store";

/** A separate key for file URLs, so a signature made here can never stand for anything else signed with the secret. */
export function fileUrlKey(secret: string): Buffer {
  return createHmac("sha256", secret).update("vete:file-urls:v1").digest();
}

function signature(signingKey: Buffer, key: string, expires: number): string {
  return createHmac("sha256", signingKey).update(`${key}\n${expires}`).digest("base64url");
}

/** `/api/files/<key>?expires=<unix seconds>&sig=<signature>`. */
export function signFilePath(signingKey: Buffer, key: string, expiresAtMs: number): string {
  const expires = Math.ceil(expiresAtMs / 1000);
  return `/api/files/${key}?expires=${expires}&sig=${signature(signingKey, key, expires)}`;
}

export type FilePathCheck = "ok" | "expired" | "invalid";

/** Whether a request for `key` with these query values may be served at `nowMs`. */
export function checkFilePath(
  signingKey: Buffer,
  key: string,
  expiresParam: string | null,
  sigParam: string | null,
  nowMs: number,
): FilePathCheck {
  if (!isValidKey(key) || !expiresParam || !sigParam || !/^\d{1,12}$/.test(expiresParam)) return "invalid";
  const expires = Number(expiresParam);
  const expected = Buffer.from(signature(signingKey, key, expires));
  const given = Buffer.from(sigParam);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return "invalid";
  return nowMs >= expires * 1000 ? "expired" : "ok";
}
