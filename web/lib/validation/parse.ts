// zod validation with field errors (422). Used by use-cases and route wrappers alike, so domain code never
// depends on the HTTP layer for it.
import type { z } from "zod";
import { AppError, type FieldErrors } from "@/lib/errors";

export function fieldErrors(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_";
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

export function parseWith<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (!result.success) {
    const fields = fieldErrors(result.error);
    const names = Object.keys(fields).filter((k) => k !== "_");
    const message = names.length ? `Please check: ${names.join(", ")}.` : "The request is not valid.";
    throw new AppError("INVALID_INPUT", message, { fields });
  }
  return result.data;
}
