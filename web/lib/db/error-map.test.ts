import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { fieldForColumn, toAppError } from "./error-map";

/** The shape node-postgres gives a server error: an Error with SQLSTATE and diagnostic fields. */
function pgError(fields: { code: string; message: string; constraint?: string; column?: string; detail?: string }) {
  return Object.assign(new Error(fields.message), fields);
}

describe("toAppError", () => {
  it("turns a VTnnn error into its code and status, and names the API field for the SQL column", () => {
    const e = toAppError(
      pgError({ code: "VT403", message: "forbidden", column: "client_id", detail: "You can only book for yourself." }),
    );
    expect(e).toMatchObject({
      code: "FORBIDDEN",
      status: 403,
      message: "You can only book for yourself.",
      fields: { clientId: ["You can only book for yourself."] },
    });
  });

  it("renames every column a SQL function names to the camelCase input field", () => {
    for (const [column, field] of [
      ["starts_at", "startsAt"],
      ["time_zone", "timeZone"],
      ["moving_appointment_id", "movingAppointmentId"],
      ["preferred_dates", "preferredDates"],
      ["slug", "slug"],
      ["to", "to"],
    ]) {
      expect(fieldForColumn(column!)).toBe(field);
      const e = toAppError(pgError({ code: "VT422", message: "invalid_thing", column }));
      expect(Object.keys((e as AppError).fields ?? {})).toEqual([field]);
    }
  });

  it("maps constraints by name to codes with API field names", () => {
    expect(
      toAppError(pgError({ code: "23P01", message: "x", constraint: "appointments_vet_no_overlap" })),
    ).toMatchObject({ code: "SLOT_TAKEN", status: 409, fields: { startsAt: [expect.any(String)] } });
    expect(toAppError(pgError({ code: "23514", message: "x", constraint: "clinics_time_zone_check" }))).toMatchObject({
      code: "INVALID_INPUT",
      fields: { timeZone: [expect.any(String)] },
    });
    for (const table of ["vet_weekly_hours", "vet_date_overrides", "vet_time_off"]) {
      const e = toAppError(pgError({ code: "23503", message: "x", constraint: `${table}_clinic_id_vet_id_fkey` }));
      expect(e).toMatchObject({ code: "INVALID_INPUT", status: 422, fields: { vetId: [expect.any(String)] } });
    }
  });

  it("reports a service performer who may not perform services on vetIds, as invalid input", () => {
    const e = toAppError(pgError({ code: "VT422", message: "not_a_vet", column: "vet_id", detail: "Only vets." }));
    expect(e).toMatchObject({ code: "INVALID_INPUT", status: 422, fields: { vetIds: ["Only vets."] } });
  });

  it("decides by SQLSTATE and constraint, never by the server's English text", () => {
    const a = toAppError(pgError({ code: "23503", message: "insert or update violates foreign key constraint" }));
    const b = toAppError(pgError({ code: "23503", message: "une autre langue" }));
    expect(a).toMatchObject({ code: "NOT_FOUND" });
    expect(b).toMatchObject({ code: (a as AppError).code, message: (a as AppError).message });
    expect(toAppError(pgError({ code: "42501", message: "new row violates row-level security" }))).toMatchObject({
      code: "FORBIDDEN",
      status: 403,
    });
  });

  it("passes AppErrors and non-database errors through unchanged", () => {
    const app = new AppError("NOT_FOUND", "Nope.");
    expect(toAppError(app)).toBe(app);
    const plain = new Error("boom");
    expect(toAppError(plain)).toBe(plain);
  });
});
