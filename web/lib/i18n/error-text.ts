// Puts an API error into the reader's language on the page. The API answers with stable codes (the error's
// `code`, and zod's issue codes per field in `issues`); its `message` and `fields` texts are English. English
// readers keep the server's own, more specific wording; other readers get the dictionary entry for the code.
import { translator, type Locale } from "@/lib/i18n";
import { errorMessages, type ErrorMessageKey } from "@/lib/i18n/messages/errors";
import type { FieldIssue, FieldIssues } from "@/lib/errors";

export interface ApiErrorBody {
  code: string;
  message?: string;
  fields?: Record<string, string[]>;
  issues?: FieldIssues;
}

export function hasErrorText(code: string): boolean {
  return `code.${code}` in errorMessages.en;
}

/** The sentence for the whole error. */
export function errorText(locale: Locale, error: ApiErrorBody): string {
  const t = translator(locale, errorMessages);
  if (locale === "en" && error.message) return error.message;
  return hasErrorText(error.code) ? t(`code.${error.code}` as ErrorMessageKey) : t("code.INTERNAL");
}

function issueKey(issue: FieldIssue): ErrorMessageKey {
  switch (issue.code) {
    case "too_small":
      if (issue.kind === "string") return issue.min === 1 ? "field.required" : "field.tooShort";
      if (issue.kind === "array" || issue.kind === "set") return "field.tooFew";
      return issue.exclusive ? "field.moreThan" : "field.tooSmall";
    case "too_big":
      if (issue.kind === "string") return "field.tooLong";
      if (issue.kind === "array" || issue.kind === "set") return "field.tooMany";
      return issue.exclusive ? "field.lessThan" : "field.tooBig";
    case "invalid_format":
      if (issue.kind === "email") return "field.email";
      if (issue.kind === "date") return "field.date";
      if (issue.kind === "time") return "field.time";
      return "field.format";
    case "invalid_type":
      if (issue.kind === "int") return "field.wholeNumber";
      return issue.kind === "number" ? "field.number" : "field.invalid";
    case "invalid_value":
      return "field.choice";
    default:
      return "field.invalid";
  }
}

/** One sentence per field issue, keyed like the API's `fields`. */
export function fieldTexts(locale: Locale, error: ApiErrorBody): Record<string, string[]> {
  const fields = error.fields ?? {};
  if (locale === "en") return fields;
  const t = translator(locale, errorMessages);
  const out: Record<string, string[]> = {};
  for (const name of new Set([...Object.keys(fields), ...Object.keys(error.issues ?? {})])) {
    const issues = error.issues?.[name];
    // Fields named by SQL (a taken slot, a duplicate email) carry no zod issue: the error's code says why.
    out[name] = issues?.length
      ? issues.map((i) => t(issueKey(i), { min: i.min ?? "", max: i.max ?? "" }))
      : [errorText(locale, { code: error.code })];
  }
  return out;
}

/** The page's language as the root layout set it on <html lang>, for code running in the browser. */
export function documentLocale(): Locale {
  return typeof document !== "undefined" && document.documentElement.lang === "es" ? "es" : "en";
}
