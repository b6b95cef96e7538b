// Files in a private Supabase Storage bucket through @supabase/supabase-js, with the service role key (server
// only: it bypasses Storage's own policies, so every check of who may see a file happens in the app first).
// Signed URLs are Supabase's own, with the expiry asked for.
import { createClient, type SupabaseClient } from "@supabase/supabase-js";
import { AppError } from "@/lib/errors";
import { assertValidExpiry, assertValidKey, type FileStore, type StoredObject } from "./file-store";

export interface SupabaseFileStoreOptions {
  url: string;
  serviceRoleKey: string;
  bucket: string;
}

/**
 * supabase-js builds a realtime client too, and on Node 20 it wants a WebSocket class. We never use realtime:
 * a class that refuses to be constructed says so if anything ever tries.
 */
class NoRealtime {
  constructor() {
    throw new Error("Vete does not use Supabase realtime");
  }
}

interface StorageErrorLike {
  message?: string;
  status?: number;
  statusCode?: string;
}

/** Storage answers a missing object with 404, or 400 and {"statusCode":"404","error":"not_found"}. */
function isMissing(error: StorageErrorLike): boolean {
  return error.status === 404 || error.statusCode === "404";
}

function unavailable(operation: string, error: StorageErrorLike): AppError {
  return new AppError("UNAVAILABLE", "File storage is not available right now; please try again.", {
    cause: new Error(`supabase storage ${operation}: ${error.status ?? "-"} ${error.message ?? "unknown error"}`),
  });
}

export class SupabaseFileStore implements FileStore {
  private readonly client: SupabaseClient;
  private readonly bucket: string;

  constructor(options: SupabaseFileStoreOptions) {
    this.bucket = options.bucket;
    this.client = createClient(options.url, options.serviceRoleKey, {
      auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
      realtime: { transport: NoRealtime as never },
    });
  }

  private objects() {
    return this.client.storage.from(this.bucket);
  }

  async put(key: string, bytes: Buffer, contentType: string): Promise<void> {
    assertValidKey(key);
    const { error } = await this.objects().upload(key, bytes, { contentType, upsert: false, cacheControl: "3600" });
    if (!error) return;
    if ((error as StorageErrorLike).statusCode === "409") {
      throw new AppError("CONFLICT", "A file with this key already exists.");
    }
    throw unavailable("upload", error as StorageErrorLike);
  }

  async signedUrl(key: string, expiresInSeconds: number): Promise<string> {
    assertValidKey(key);
    assertValidExpiry(expiresInSeconds);
    const { data, error } = await this.objects().createSignedUrl(key, expiresInSeconds);
    if (error || !data) throw unavailable("sign", (error ?? {}) as StorageErrorLike);
    return data.signedUrl;
  }

  async get(key: string): Promise<StoredObject | null> {
    assertValidKey(key);
    const { data, error } = await this.objects().download(key);
    if (error) {
      if (isMissing(error as StorageErrorLike)) return null;
      throw unavailable("download", error as StorageErrorLike);
    }
    return { bytes: Buffer.from(await data.arrayBuffer()), contentType: data.type || "application/octet-stream" };
  }

  async remove(key: string): Promise<void> {
    assertValidKey(key);
    const { error } = await this.objects().remove([key]);
    if (error) throw unavailable("remove", error as StorageErrorLike);
  }
}
