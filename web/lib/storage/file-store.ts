// The one interface for files (pet photos now; visit attachments, exports and invoice PDFs later). Two
// implementations keep the same semantics: Supabase Storage (private bucket) and a directory under .data/.
// Keys are validated here so neither implementation can be walked out of its bucket or directory.
import { AppError } from "@/lib/errors";

export interface StoredObject {
  bytes: Buffer;
  contentType: string;
}

export interface FileStore {
  /** Stores bytes under a new key; a key that already exists is refused (keys are never reused). */
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  /** A URL anyone holding it can GET until it expires; after that (or if tampered with) it is refused. */
  signedUrl(key: string, expiresInSeconds: number): Promise<string>;
  /** The object, or null when there is none under that key. */
  get(key: string): Promise<StoredObject | null>;
  /** Removes the object; removing a missing key is not an error. */
  remove(key: string): Promise<void>;
}

const SEGMENT = /^[a-z0-9][a-z0-9._-]*$/;
export const MAX_KEY_LENGTH = 200;
export const MAX_SIGNED_URL_SECONDS = 7 * 24 * 3600;

/**
 * Keys are lower-case path segments of [a-z0-9._-], none starting with a dot (so no "." or ".."), no empty
 * segments and no leading slash: the same key then names the same object in a bucket and on disk.
 */
export function isValidKey(key: string): boolean {
  if (key.length === 0 || key.length > MAX_KEY_LENGTH) return false;
  return key.split("/").every((s) => SEGMENT.test(s));
}

export function assertValidKey(key: string): void {
  if (!isValidKey(key)) throw new AppError("INVALID_INPUT", "Not a valid file key.", { fields: { key: ["Invalid"] } });
}

export function assertValidExpiry(seconds: number): void {
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > MAX_SIGNED_URL_SECONDS) {
    throw new AppError("INVALID_INPUT", "A signed URL lives from 1 second to 7 days.", {
      fields: { expiresInSeconds: ["Invalid"] },
    });
  }
}
