// One file from a multipart/form-data upload, read with a hard byte limit before anything parses it. Errors
// name the form field, so the page can show them under the file input.
import { AppError } from "@/lib/errors";

/** Room for the multipart boundaries and headers around the file itself. */
const ENVELOPE_BYTES = 64 * 1024;

export interface UploadLimits {
  field: string;
  maxFileBytes: number;
  /** The error for a file over the limit (worded for what is being uploaded). */
  tooLarge: () => AppError;
}

async function readBounded(req: Request, maxBytes: number, tooLarge: () => AppError): Promise<Uint8Array<ArrayBuffer>> {
  if (Number(req.headers.get("content-length") ?? "0") > maxBytes) throw tooLarge();
  if (!req.body) return new Uint8Array();
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

export async function readUploadedFile(req: Request, limits: UploadLimits): Promise<Uint8Array> {
  const { field } = limits;
  const type = req.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data;\s*boundary=/i.test(type)) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", `Send the file as multipart/form-data in the field "${field}".`, {
      fields: { [field]: ["Required"] },
    });
  }
  const raw = await readBounded(req, limits.maxFileBytes + ENVELOPE_BYTES, limits.tooLarge);
  let form: FormData;
  try {
    form = await new Response(raw, { headers: { "content-type": type } }).formData();
  } catch {
    throw new AppError("BAD_REQUEST", "The upload is not valid multipart/form-data.", {
      fields: { [field]: ["Invalid"] },
    });
  }
  const file = form.get(field);
  if (!(file instanceof Blob)) {
    throw new AppError("INVALID_INPUT", `Choose a file to upload in the field "${field}".`, {
      fields: { [field]: ["Required"] },
    });
  }
  if (file.size > limits.maxFileBytes) throw limits.tooLarge();
  return new Uint8Array(await file.arrayBuffer());
}
