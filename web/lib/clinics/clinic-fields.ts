// Field rules shared by create-clinic and update-clinic-settings. The table's check constraints stay the
// guard; these give the person a precise message per field before the database is asked.
import { z } from "zod";
import { canonicalTimeZone } from "./time-zones";

const blankToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);

let currencies: Set<string> | undefined;
function isIsoCurrency(code: string): boolean {
  currencies ??= new Set(Intl.supportedValuesOf("currency"));
  return currencies.has(code);
}

export const clinicSlug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    /^[a-z0-9](?:[a-z0-9-]{1,38})[a-z0-9]$/,
    "Use 3-40 lowercase letters, digits and dashes, starting and ending with a letter or digit.",
  )
  .refine((s) => !s.includes("--"), "Do not use two dashes in a row.");

/**
 * A clinic's name goes out in the subject and body of every mail the clinic sends from the platform's
 * sender, so it may not carry a link (phishing under our name) or a line break (header injection).
 */
const urlInText =
  /(?:[a-z][a-z0-9+.-]*:\/\/|\bwww\.|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|info|biz|io|co|me|app|dev|xyz|top|site|online|link|click|ly|ru|cn|tk)\b)/i;

export function containsUrl(text: string): boolean {
  return urlInText.test(text);
}

export const clinicFields = {
  name: z
    .string()
    .trim()
    .min(2, "Use at least 2 characters.")
    .max(120, "Use at most 120 characters.")
    .refine((v) => !/[\p{Cc}\u2028\u2029]/u.test(v), "Use one line of text.")
    .refine((v) => !containsUrl(v), "A clinic name cannot contain a web address."),
  timeZone: z
    .string()
    .max(64)
    .transform((v, ctx) => {
      const zone = canonicalTimeZone(v);
      if (!zone) {
        ctx.addIssue({ code: "custom", message: "Unknown time zone; use an IANA name such as Europe/Madrid." });
        return z.NEVER;
      }
      return zone;
    }),
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, "Use a 3-letter ISO 4217 code such as EUR.")
    .refine(isIsoCurrency, "Unknown currency code."),
  defaultLocale: z.enum(["en", "es"]),
  email: z.preprocess(blankToNull, z.email("Enter a valid email address.").max(254).nullable()),
  phone: z.preprocess(
    blankToNull,
    z
      .string()
      .trim()
      .regex(/^\+?[0-9 ()-]{5,32}$/, "Use 5-32 digits, spaces, dashes or brackets, optionally starting with +.")
      .nullable(),
  ),
  address: z.preprocess(blankToNull, z.string().trim().max(300, "Use at most 300 characters.").nullable()),
};

export interface ClinicRow {
  id: string;
  slug: string;
  name: string;
  time_zone: string;
  currency: string;
  default_locale: string;
  email: string | null;
  phone: string | null;
  address: string | null;
}

export interface ClinicProfile {
  id: string;
  slug: string;
  name: string;
  timeZone: string;
  currency: string;
  defaultLocale: "en" | "es";
  email: string | null;
  phone: string | null;
  address: string | null;
}

export function toClinicProfile(r: ClinicRow): ClinicProfile {
  return {
    id: r.id,
    slug: r.slug,
    name: r.name,
    timeZone: r.time_zone,
    currency: r.currency.trim(),
    defaultLocale: r.default_locale === "es" ? "es" : "en",
    email: r.email,
    phone: r.phone,
    address: r.address,
  };
}

export const clinicColumns = "id, slug, name, time_zone, currency, default_locale, email, phone, address";
