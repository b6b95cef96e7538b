// Files in a directory on this machine (default .data/storage), for the local demo and single-server installs.
// Signed URLs point at /api/files/<key> and carry an expiry and an HMAC, so they behave like Supabase's: anyone
// with the link may fetch until it expires, nobody can forge or extend one. Not for serverless hosts, whose
// disks are neither shared nor kept.
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { AppError } from "@/lib/errors";
import { assertValidExpiry, assertValidKey, type FileStore, type StoredObject } from "./file-store";
import { signFilePath } from "./signed-path";

export interface LocalFileStoreOptions {
  /** Directory holding objects/ and meta/. */
  root: string;
  /** From fileUrlKey(secret). */
  signingKey: Buffer;
  /** The clock signed URLs are dated with (tests move it). */
  now?: () => number;
}

function isNodeError(err: unknown, code: string): boolean {
  return err instanceof Error && (err as NodeJS.ErrnoException).code === code;
}

export class LocalFileStore implements FileStore {
  private readonly root: string;
  private readonly signingKey: Buffer;
  private readonly now: () => number;

  constructor(options: LocalFileStoreOptions) {
    this.root = path.resolve(options.root);
    this.signingKey = options.signingKey;
    this.now = options.now ?? Date.now;
  }

  /** The file for a key; validation already rules out "..", but the resolved path is checked again. */
  private pathOf(dir: "objects" | "meta", key: string): string {
    assertValidKey(key);
    const base = path.join(this.root, dir);
    const full = path.resolve(base, dir === "meta" ? `${key}.json` : key);
    if (!full.startsWith(base + path.sep)) throw new AppError("INVALID_INPUT", "Not a valid file key.");
    return full;
  }

  async put(key: string, bytes: Buffer, contentType: string): Promise<void> {
    const file = this.pathOf("objects", key);
    const meta = this.pathOf("meta", key);
    await mkdir(path.dirname(file), { recursive: true });
    await mkdir(path.dirname(meta), { recursive: true });
    try {
      await writeFile(file, bytes, { flag: "wx" });
    } catch (err) {
      if (isNodeError(err, "EEXIST")) throw new AppError("CONFLICT", "A file with this key already exists.");
      throw err;
    }
    await writeFile(meta, JSON.stringify({ contentType }));
  }

  async signedUrl(key: string, expiresInSeconds: number): Promise<string> {
    assertValidKey(key);
    assertValidExpiry(expiresInSeconds);
    return signFilePath(this.signingKey, key, this.now() + expiresInSeconds * 1000);
  }

  async get(key: string): Promise<StoredObject | null> {
    try {
      const [bytes, meta] = await Promise.all([
        readFile(this.pathOf("objects", key)),
        readFile(this.pathOf("meta", key), "utf8"),
      ]);
      const { contentType } = JSON.parse(meta) as { contentType?: unknown };
      return { bytes, contentType: typeof contentType === "string" ? contentType : "application/octet-stream" };
    } catch (err) {
      if (isNodeError(err, "ENOENT") || isNodeError(err, "ENOTDIR") || isNodeError(err, "EISDIR")) return null;
      throw err;
    }
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf("objects", key), { force: true });
    await rm(this.pathOf("meta", key), { force: true });
  }
}
