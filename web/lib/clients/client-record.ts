// The shape of a client as use-cases return it, the SQL that selects it, and the field rules shared by
// the create/update schemas (they mirror the checks on public.clients).
import { z } from "zod";

export interface ClientRecord {
  id: string;
  clinicId: string;
  userId: string | null;
  fullName: string;
  email: string | null;
  phone: string | null;
  address: string | null;
  locale: "en" | "es" | null;
  preferredChannel: "email" | "sms";
  emailReminders: boolean;
  smsReminders: boolean;
  marketingOptIn: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** Columns of public.clients aliased as ClientRecord; the table must be aliased `c`. */
export const clientColumns = `c.id, c.clinic_id as "clinicId", c.user_id as "userId", c.full_name as "fullName",
  c.email::text as email, c.phone, c.address, c.locale, c.preferred_channel as "preferredChannel",
  c.email_reminders as "emailReminders", c.sms_reminders as "smsReminders", c.marketing_opt_in as "marketingOptIn",
  c.created_at as "createdAt", c.updated_at as "updatedAt"`;

/** An optional text input: "" and null both mean "none"; anything else must pass `schema`. */
export function optionalText<T extends z.ZodType<string | null>>(schema: T) {
  return z.union([z.literal("").transform(() => null), z.null(), schema]).optional();
}

export const fullNameField = z.string().trim().min(1, "Enter a name").max(120, "At most 120 characters");
export const emailField = z.string().trim().toLowerCase().max(254).pipe(z.email("Enter a valid email address"));
export const phoneField = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ()-]{5,32}$/, "Use digits, spaces, ( ) - and an optional leading +, 5-32 characters");
export const addressField = z.string().trim().max(300, "At most 300 characters");
export const localeField = z.enum(["en", "es"]);

/** Contact preferences and consents: editable by the client and by staff. */
export const contactPreferenceFields = {
  phone: optionalText(phoneField),
  address: optionalText(addressField),
  locale: localeField.nullable().optional(),
  preferredChannel: z.enum(["email", "sms"]).optional(),
  emailReminders: z.boolean().optional(),
  smsReminders: z.boolean().optional(),
  marketingOptIn: z.boolean().optional(),
};

/** camelCase input key -> column. Only these columns are ever written from input. */
export const clientColumnNames = {
  fullName: "full_name",
  email: "email",
  phone: "phone",
  address: "address",
  locale: "locale",
  preferredChannel: "preferred_channel",
  emailReminders: "email_reminders",
  smsReminders: "sms_reminders",
  marketingOptIn: "marketing_opt_in",
} as const;

/** Builds `col = $n` assignments for the keys present in a parsed patch (undefined = leave unchanged). */
export function buildAssignments(
  patch: Record<string, unknown>,
  columns: Record<string, string>,
  params: unknown[],
): string[] {
  const sets: string[] = [];
  for (const [key, value] of Object.entries(patch)) {
    const column = columns[key];
    if (!column || value === undefined) continue;
    params.push(value);
    sets.push(`${column} = $${params.length}`);
  }
  return sets;
}

/** A public.clients row as SQL functions return it (snake_case). */
export interface ClientRow {
  id: string;
  clinic_id: string;
  user_id: string | null;
  full_name: string;
  email: string | null;
  phone: string | null;
  address: string | null;
  locale: "en" | "es" | null;
  preferred_channel: "email" | "sms";
  email_reminders: boolean;
  sms_reminders: boolean;
  marketing_opt_in: boolean;
  created_at: Date;
  updated_at: Date;
}

export function toClientRecord(r: ClientRow): ClientRecord {
  return {
    id: r.id,
    clinicId: r.clinic_id,
    userId: r.user_id,
    fullName: r.full_name,
    email: r.email,
    phone: r.phone,
    address: r.address,
    locale: r.locale,
    preferredChannel: r.preferred_channel,
    emailReminders: r.email_reminders,
    smsReminders: r.sms_reminders,
    marketingOptIn: r.marketing_opt_in,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
