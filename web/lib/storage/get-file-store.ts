// The app's file store, chosen once from the environment: Supabase Storage when SUPABASE_URL and
// SUPABASE_SERVICE_ROLE_KEY are set, otherwise a directory (STORAGE_DIR, default .data/storage).
import "server-only";
import path from "node:path";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { FileStore, StoredObject } from "./file-store";
import { LocalFileStore } from "./local-file-store";
import { fileUrlKey } from "./signed-path";
import { SupabaseFileStore } from "./supabase-file-store";

let cached: FileStore | undefined;

/** Pages still render (no pet has a photo yet); every file operation answers 503 with what to configure. */
class UnconfiguredFileStore implements FileStore {
  private refuse(): never {
    throw new AppError(
      "UNAVAILABLE",
      "File storage is not configured: set SUPABASE_URL and SUPABASE_SERVICE_ROLE_KEY.",
    );
  }
  put = async (): Promise<void> => this.refuse();
  signedUrl = async (): Promise<string> => this.refuse();
  get = async (): Promise<StoredObject | null> => this.refuse();
  remove = async (): Promise<void> => this.refuse();
}

export function usesLocalFiles(): boolean {
  return !env().SUPABASE_URL;
}

export function localFilesRoot(): string {
  // A runtime directory, not part of the build: keep the bundler from tracing the whole project into the output.
  const dir = env().STORAGE_DIR ?? path.join(/* turbopackIgnore: true */ process.cwd(), ".data", "storage");
  return path.resolve(/* turbopackIgnore: true */ dir);
}

export function getFileStore(): FileStore {
  if (cached) return cached;
  const e = env();
  if (e.SUPABASE_URL && e.SUPABASE_SERVICE_ROLE_KEY) {
    cached = new SupabaseFileStore({
      url: e.SUPABASE_URL,
      serviceRoleKey: e.SUPABASE_SERVICE_ROLE_KEY,
      bucket: e.SUPABASE_STORAGE_BUCKET,
    });
  } else if (process.env.VERCEL === "1") {
    // A serverless function's disk is neither shared nor kept: files written there would vanish.
    cached = new UnconfiguredFileStore();
  } else {
    cached = new LocalFileStore({ root: localFilesRoot(), signingKey: fileUrlKey(e.BETTER_AUTH_SECRET) });
  }
  return cached;
}
