// Request body reading with limits: JSON only (415), bounded size (413). Validation (422) is lib/validation.
import { AppError } from "@/lib/errors";

export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

/** Reads the raw body with a hard byte limit, whatever Content-Length claims. */
export async function readBodyText(req: Request, maxBytes = DEFAULT_MAX_BODY_BYTES): Promise<string> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > maxBytes)
    throw new AppError("PAYLOAD_TOO_LARGE", `The request body is larger than ${maxBytes} bytes.`);
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new AppError("PAYLOAD_TOO_LARGE", `The request body is larger than ${maxBytes} bytes.`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export async function readJsonBody(
  req: Request,
  maxBytes = DEFAULT_MAX_BODY_BYTES,
): Promise<{ raw: string; value: unknown }> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the request body as JSON (Content-Type: application/json).");
  }
  const raw = await readBodyText(req, maxBytes);
  if (raw.trim() === "")
    throw new AppError("INVALID_INPUT", "The request body is empty; send a JSON object.", {
      fields: { _: ["Required"] },
    });
  try {
    return { raw, value: JSON.parse(raw) as unknown };
  } catch {
    throw new AppError("BAD_REQUEST", "The request body is not valid JSON.");
  }
}

/**
 * For routes without a body schema: an empty body is fine, but a body that is sent must still be JSON
 * within the size limit (415/413/400), so a malformed call is never silently treated as a valid one.
 */
export async function readOptionalJsonBody(req: Request, maxBytes = DEFAULT_MAX_BODY_BYTES): Promise<string> {
  const raw = await readBodyText(req, maxBytes);
  if (raw.trim() === "") return "";
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the request body as JSON (Content-Type: application/json).");
  }
  try {
    JSON.parse(raw);
  } catch {
    throw new AppError("BAD_REQUEST", "The request body is not valid JSON.");
  }
  return raw;
}

export function searchParamsObject(url: URL): Record<string, string> {
  const out: Record<string, string> = {};
  url.searchParams.forEach((v, k) => {
    out[k] = v;
  });
  return out;
}
