// The error map decides by constraint name, SQLSTATE and the SQL functions' snake_case codes. A constraint
// renamed in a migration would silently fall back to a generic answer, so every name the map knows must exist
// in the migrated catalog; and real errors from the database come back under the API's field names.
import { afterAll, describe, expect, it } from "vitest";
import { withUser } from "@/lib/db/context";
import { constraintCodes } from "@/lib/db/error-map";
import { closePool } from "@/lib/db/pool";
import { updateClinicSettings } from "@/lib/clinics/update-clinic-settings";
import { addTimeOff } from "@/lib/schedules/add-time-off";
import { setDateOverride } from "@/lib/schedules/set-date-override";
import { anchorDay } from "../helpers/dates";
import { closeTestPool, createClinic, createUser, testPool } from "../helpers/factories";

afterAll(async () => {
  await closePool();
  await closeTestPool();
});

describe("the error map against the real database", () => {
  it("names only constraints (or unique indexes, which Postgres reports the same way) that exist", async () => {
    const { rows } = await testPool().query<{ name: string }>(
      `select conname as name from pg_constraint where conname = any($1::text[])
       union select relname from pg_class where relkind = 'i' and relname = any($1::text[])`,
      [Object.keys(constraintCodes)],
    );
    const existing = new Set(rows.map((r) => r.name));
    expect(Object.keys(constraintCodes).filter((name) => !existing.has(name))).toEqual([]);
  });

  it("reports a schedule entry for someone not on the team as a bad vetId", async () => {
    const clinic = await createClinic();
    const stranger = await createUser();
    const date = anchorDay(2, 0, clinic.timeZone);
    const notOnTeam = { code: "INVALID_INPUT", status: 422, fields: { vetId: [expect.any(String)] } };
    await expect(
      withUser(clinic.owner, (db) =>
        addTimeOff(db, clinic.id, {
          vetId: stranger.userId,
          startDate: date,
          startTime: "09:00",
          endDate: date,
          endTime: "12:00",
        }),
      ),
    ).rejects.toMatchObject(notOnTeam);
    await expect(
      withUser(clinic.owner, (db) =>
        setDateOverride(db, clinic.id, { vetId: stranger.userId, date, intervals: [{ start: "09:00", end: "12:00" }] }),
      ),
    ).rejects.toMatchObject(notOnTeam);
  });

  it("reports a time zone the database refuses under timeZone", async () => {
    const clinic = await createClinic();
    // bypass the zod check so the table's constraint is what answers
    await expect(
      withUser(clinic.owner, (db) =>
        db.query("update public.clinics set time_zone = 'Mars/Olympus' where id = $1", [clinic.id]),
      ),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { timeZone: [expect.any(String)] } });
    // and the use-case still reports its own fields by their API names
    await expect(
      withUser(clinic.owner, (db) => updateClinicSettings(db, clinic.id, { timeZone: "Mars/Olympus" })),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { timeZone: expect.any(Array) } });
  });
});
