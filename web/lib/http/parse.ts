// Request parsing with limits: JSON only (415), bounded size (413), zod validation with field errors (422).
import { z } from "zod";
import { AppError, type FieldErrors, type FieldIssue, type FieldIssues } from "@/lib/errors";

export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

export function fieldErrors(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_";
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

function issueData(issue: z.core.$ZodIssue): FieldIssue {
  switch (issue.code) {
    case "too_small":
      return { code: issue.code, kind: issue.origin, min: Number(issue.minimum), exclusive: !issue.inclusive };
    case "too_big":
      return { code: issue.code, kind: issue.origin, max: Number(issue.maximum), exclusive: !issue.inclusive };
    case "invalid_format":
      return { code: issue.code, kind: issue.format };
    case "invalid_type":
      return { code: issue.code, kind: issue.expected };
    default:
      return { code: issue.code };
  }
}

/** The same issues as stable codes with their limits, for pages to word in the reader's language. */
export function fieldIssues(error: z.ZodError): FieldIssues {
  const issues: FieldIssues = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_";
    (issues[key] ??= []).push(issueData(issue));
  }
  return issues;
}

export function parseWith<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (!result.success) {
    const fields = fieldErrors(result.error);
    const names = Object.keys(fields).filter((k) => k !== "_");
    const message = names.length ? `Please check: ${names.join(", ")}.` : "The request is not valid.";
    throw new AppError("INVALID_INPUT", message, { fields, issues: fieldIssues(result.error) });
  }
  return result.data;
}

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
