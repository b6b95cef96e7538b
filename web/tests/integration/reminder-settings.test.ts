// Owners and admins choose whether and when appointment reminders go out, through the use-case the settings
// route calls (withUser, so RLS on clinic_reminder_settings applies); the reminder job reads the same row.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withUser } from "@/lib/db/context";
import { closePool } from "@/lib/db/pool";
import { getReminderSettings } from "@/lib/notifications/get-reminder-settings";
import type { ReminderSettingsInput } from "@/lib/notifications/reminder-settings";
import { updateReminderSettings } from "@/lib/notifications/update-reminder-settings";
import { addStaff, closeTestPool, createClinic, testPool, type TestClinic, type TestUser } from "../helpers/factories";
import { errorOf } from "../helpers/rejections";

let clinic: TestClinic;
let other: TestClinic;
let admin: TestUser;
let vet: TestUser;

beforeAll(async () => {
  clinic = await createClinic();
  other = await createClinic();
  admin = await addStaff(clinic.id, "admin");
  vet = await addStaff(clinic.id, "vet");
});

afterAll(async () => {
  await closePool();
  await closeTestPool();
});

async function codeOf(p: Promise<unknown>): Promise<string> {
  return (await errorOf(p)).code;
}

const save = (user: TestUser, input: ReminderSettingsInput, clinicId = clinic.id) =>
  withUser(user, (db) => updateReminderSettings(db, clinicId, input));

describe("reminder settings", () => {
  it("shows the column defaults (24 h and 2 h before) for a new clinic, then what the owner or an admin saved (largest first)", async () => {
    expect(await withUser(vet, (db) => getReminderSettings(db, clinic.id))).toEqual({
      enabled: true,
      offsetsMinutes: [1440, 120],
    });
    expect(await save(clinic.owner, { enabled: true, offsetsMinutes: [60, 2880] })).toEqual({
      enabled: true,
      offsetsMinutes: [2880, 60],
    });
    expect(await save(admin, { enabled: false, offsetsMinutes: [1440] })).toEqual({
      enabled: false,
      offsetsMinutes: [1440],
    });
    const { rows } = await testPool().query(
      "select enabled, offsets_minutes from public.clinic_reminder_settings where clinic_id = $1",
      [clinic.id],
    );
    expect(rows).toEqual([{ enabled: false, offsets_minutes: [1440] }]);
    expect(await withUser(vet, (db) => getReminderSettings(db, clinic.id))).toEqual({
      enabled: false,
      offsetsMinutes: [1440],
    });
  });

  it("refuses vets and other clinics' owners (FORBIDDEN) and changes nothing", async () => {
    const before = await testPool().query(
      "select enabled, offsets_minutes from public.clinic_reminder_settings where clinic_id = $1",
      [clinic.id],
    );
    expect(await codeOf(save(vet, { enabled: true, offsetsMinutes: [120] }))).toBe("FORBIDDEN");
    expect(await codeOf(save(other.owner, { enabled: true, offsetsMinutes: [120] }))).toBe("FORBIDDEN");
    const after = await testPool().query(
      "select enabled, offsets_minutes from public.clinic_reminder_settings where clinic_id = $1",
      [clinic.id],
    );
    expect(after.rows).toEqual(before.rows);
    // nor can they read another clinic's row: RLS shows them nothing
    await save(other.owner, { enabled: true, offsetsMinutes: [30] }, other.id);
    expect(await codeOf(withUser(clinic.owner, (db) => getReminderSettings(db, other.id)))).toBe("NOT_FOUND");
  });

  it("rejects more than 4 times, times outside 15 minutes to 7 days, and repeats, with the field", async () => {
    for (const offsetsMinutes of [[60, 120, 240, 1440, 2880], [10], [20160], [120, 120]]) {
      const err = await errorOf(save(clinic.owner, { enabled: true, offsetsMinutes }));
      expect(err.code).toBe("INVALID_INPUT");
      expect(Object.keys(err.fields ?? {}).some((k) => k.startsWith("offsetsMinutes"))).toBe(true);
    }
  });
});
