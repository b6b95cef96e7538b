// zod validation with field errors (422). Used by use-cases and route wrappers alike, so domain code never
// depends on the HTTP layer for it.
import type { z } from "zod";
import { AppError, type FieldErrors, type FieldIssue, type FieldIssues } from "@/lib/errors";

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
