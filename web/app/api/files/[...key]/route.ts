// GET /api/files/<key>?expires=&sig= - serve a file from the local store through a signed, expiring URL
import { AppError } from "@/lib/errors";
import { env } from "@/lib/env";
import { errorResponse } from "@/lib/http/respond";
import { getFileStore, usesLocalFiles } from "@/lib/storage/get-file-store";
import { checkFilePath, fileUrlKey } from "@/lib/storage/signed-path";

export async function GET(req: Request, route: { params: Promise<{ key?: string[] }> }): Promise<Response> {
  try {
    // With Supabase Storage configured its own signed URLs are used; this route then serves nothing.
    if (!usesLocalFiles()) throw new AppError("NOT_FOUND", "Not found.");
    const key = ((await route.params).key ?? []).join("/");
    const url = new URL(req.url);
    const check = checkFilePath(
      fileUrlKey(env().BETTER_AUTH_SECRET),
      key,
      url.searchParams.get("expires"),
      url.searchParams.get("sig"),
      Date.now(),
    );
    if (check === "expired") throw new AppError("FORBIDDEN", "This link has expired; reload the page for a new one.");
    if (check === "invalid") throw new AppError("FORBIDDEN", "This link is not valid.");
    const object = await getFileStore().get(key);
    if (!object) throw new AppError("NOT_FOUND", "No such file.");
    const expiresIn = Math.max(0, Math.floor(Number(url.searchParams.get("expires")) - Date.now() / 1000));
    return new Response(new Uint8Array(object.bytes), {
      status: 200,
      headers: {
        "content-type": object.contentType,
        "content-length": String(object.bytes.length),
        "cache-control": `private, max-age=${expiresIn}`,
        "x-content-type-options": "nosniff",
        // Files are data, never a page: nothing in one may run or load anything if opened directly.
        "content-security-policy": "default-src 'none'; sandbox",
        "content-disposition": "inline",
      },
    });
  } catch (err) {
    return errorResponse(err);
  }
}
