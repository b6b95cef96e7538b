// AppError -> HTTP. Clients get {"error":{"code","message","fields?","issues?"}}; internals are logged, never
// returned. `issues` carries zod's codes per field so pages can word them in the reader's language.
import { AppError, isAppError, type FieldIssues } from "@/lib/errors";
import { toAppError } from "@/lib/db/error-map";

export function json(data: unknown, status = 200, headers?: HeadersInit): Response {
  return Response.json(data, { status, headers });
}

export function errorResponse(err: unknown): Response {
  const mapped = toAppError(err);
  if (isAppError(mapped)) {
    const body: { code: string; message: string; fields?: Record<string, string[]>; issues?: FieldIssues } = {
      code: mapped.code,
      message: mapped.message,
    };
    if (mapped.fields) body.fields = mapped.fields;
    if (mapped.issues) body.issues = mapped.issues;
    if (mapped.status >= 500) console.error("[http]", mapped.code, mapped.cause ?? mapped);
    const headers = mapped.retryAfterSeconds ? { "retry-after": String(mapped.retryAfterSeconds) } : undefined;
    return json({ error: body }, mapped.status, headers);
  }
  console.error("[http] unexpected error", err);
  return json(
    {
      error: { code: "INTERNAL", message: "Something went wrong on our side. Nothing was changed; please try again." },
    },
    500,
  );
}

export function notFound(message = "Not found."): AppError {
  return new AppError("NOT_FOUND", message);
}
