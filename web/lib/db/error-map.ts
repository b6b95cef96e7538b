// One map from Postgres errors to AppError. SQL functions raise stable snake_case messages with a
// custom SQLSTATE "VTnnn" where nnn is the HTTP status (e.g. raise exception 'slot_taken' using errcode = 'VT409').
// Decisions use only the SQLSTATE, the constraint name and those snake_case codes, never English text. The
// column a SQL error names (time_zone) is reported under the API's field name (timeZone), here and only here.
import { AppError } from "@/lib/errors";

interface PgError {
  code?: string;
  message?: string;
  constraint?: string;
  detail?: string;
  column?: string;
}

const notOnTeam = { code: "INVALID_INPUT", message: "That person is not on this clinic's team.", field: "vetId" };

/**
 * Constraint names whose violation means something specific to users. Domains add theirs here; `field` is
 * the API field name.
 */
export const constraintCodes: Record<string, { code: string; message: string; field?: string }> = {
  clinics_slug_key: { code: "ALREADY_EXISTS", message: "That clinic address is already taken.", field: "slug" },
  clinics_time_zone_check: { code: "INVALID_INPUT", message: "Unknown time zone.", field: "timeZone" },
  clinic_memberships_clinic_id_user_id_key: { code: "ALREADY_EXISTS", message: "This person is already on the team." },
  clients_clinic_id_user_id_key: { code: "ALREADY_EXISTS", message: "You are already a client of this clinic." },
  clients_clinic_email_key: {
    code: "ALREADY_EXISTS",
    message: "A client with this email already exists in this clinic.",
    field: "email",
  },
  pets_clinic_id_microchip_key: {
    code: "ALREADY_EXISTS",
    message: "A pet with this microchip is already registered.",
    field: "microchip",
  },
  appointments_vet_no_overlap: {
    code: "SLOT_TAKEN",
    message: "That time was just taken. Please pick another slot.",
    field: "startsAt",
  },
  appointments_pet_no_overlap: {
    code: "PET_BUSY",
    message: "This pet already has an appointment at that time.",
    field: "startsAt",
  },
  // schedules name a vet by (clinic, user) membership: someone not on the team is a bad vetId, not a 404
  vet_weekly_hours_clinic_id_vet_id_fkey: notOnTeam,
  vet_date_overrides_clinic_id_vet_id_fkey: notOnTeam,
  vet_time_off_clinic_id_vet_id_fkey: notOnTeam,
  clinic_billing_settings_default_tax_rate_fkey: {
    code: "INVALID_INPUT",
    message: "That tax rate is not one of this clinic's.",
    field: "defaultTaxRateId",
  },
};

/** SQL error codes whose API answer differs from the plain VTnnn reading. */
const sqlCodeOverrides: Record<string, { code: string; field: string }> = {
  // raised by the service_vets trigger; API callers send a service's performers as vetIds
  not_a_vet: { code: "INVALID_INPUT", field: "vetIds" },
};

/** SQL names columns in snake_case; API inputs use the same names in camelCase (time_zone -> timeZone). */
export function fieldForColumn(column: string): string {
  return column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

function isPgError(e: unknown): e is PgError & Error {
  return typeof e === "object" && e !== null && "code" in e && typeof (e as PgError).code === "string";
}

function humanize(snake: string): string {
  const s = snake.replace(/_/g, " ");
  return s.charAt(0).toUpperCase() + s.slice(1) + ".";
}

export function toAppError(err: unknown): unknown {
  if (err instanceof AppError || !isPgError(err)) return err;
  const code = err.code ?? "";
  const message = err.message ?? "";

  if (/^VT\d{3}$/.test(code)) {
    // only 4xx/5xx are errors; anything else (VT200, VT999) is a bug in the SQL and must not crash Response.json
    const declared = Number(code.slice(2));
    const status = declared >= 400 && declared <= 599 ? declared : 500;
    const override = sqlCodeOverrides[message];
    const field = override?.field ?? (err.column ? fieldForColumn(err.column) : undefined);
    const text = err.detail || humanize(message);
    return new AppError(override?.code ?? message.toUpperCase(), text, {
      status: override ? undefined : status,
      fields: field ? { [field]: [text] } : undefined,
      cause: err,
    });
  }
  const known = err.constraint ? constraintCodes[err.constraint] : undefined;
  if (known) {
    return new AppError(known.code, known.message, {
      fields: known.field ? { [known.field]: [known.message] } : undefined,
      cause: err,
    });
  }
  switch (code) {
    case "23P01":
      return new AppError("CONFLICT", "That conflicts with an existing record.", { cause: err });
    case "23505":
      return new AppError("ALREADY_EXISTS", "That already exists.", { cause: err });
    case "23503":
      return new AppError("NOT_FOUND", "A referenced record does not exist.", { cause: err });
    case "23502":
    case "23514":
    case "22P02":
    case "22007":
    case "22008":
    case "22003":
    case "22001":
    case "22023":
      return new AppError("INVALID_INPUT", "Some of the data is not valid.", { cause: err });
    case "42501":
      return new AppError("FORBIDDEN", "You are not allowed to do that.", { cause: err });
    case "P0002":
      return new AppError("NOT_FOUND", "Not found.", { cause: err });
    case "40001":
    case "40P01":
      return new AppError("CONFLICT", "Please try again: someone else changed this at the same time.", { cause: err });
    default:
      return err;
  }
}
