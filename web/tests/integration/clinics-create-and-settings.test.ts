import { afterAll, describe, expect, it } from "vitest";
import { createClinic, createClinicInput } from "@/lib/clinics/create-clinic";
import { getClinicSettings } from "@/lib/clinics/get-clinic-settings";
import { listMyClinics } from "@/lib/clinics/list-my-clinics";
import { updateClinicSettings, updateClinicSettingsInput } from "@/lib/clinics/update-clinic-settings";
import { getReminderSettings } from "@/lib/notifications/get-reminder-settings";
import { getBookingRules } from "@/lib/schedules/get-booking-rules";
import { withUser } from "@/lib/db/context";
import { closePool } from "@/lib/db/pool";
import {
  addStaff,
  closeTestPool,
  createClient,
  createClinic as createClinicFixture,
  createUser,
  testPool,
} from "../helpers/factories";
import { errorOf } from "../helpers/rejections";

afterAll(async () => {
  await closePool();
  await closeTestPool();
});

const slug = () => `vet-${Math.random().toString(36).slice(2, 10)}`;

describe("createClinic", () => {
  it("makes the creator the clinic's owner", async () => {
    const user = await createUser();
    const input = createClinicInput.parse({
      slug: slug(),
      name: "  Happy Paws ",
      timeZone: "america/mexico_city",
      currency: "mxn",
      defaultLocale: "es",
    });
    const clinic = await withUser(user, (db) => createClinic(db, input));
    expect(clinic).toMatchObject({
      name: "Happy Paws",
      timeZone: "America/Mexico_City",
      currency: "MXN",
      defaultLocale: "es",
    });
    const { rows } = await testPool().query(
      "select role from public.clinic_memberships where clinic_id = $1 and user_id = $2",
      [clinic.id, user.userId],
    );
    expect(rows).toEqual([{ role: "owner" }]);
  });

  it("starts the clinic with its booking rules and reminder settings, holding the column defaults", async () => {
    const user = await createUser();
    const input = createClinicInput.parse({
      slug: slug(),
      name: "Rules Vet",
      timeZone: "Europe/Madrid",
      currency: "EUR",
    });
    const clinic = await withUser(user, (db) => createClinic(db, input));
    // The one place the defaults are written is the column defaults: read them from the catalog.
    const { rows: defaults } = await testPool().query<{ column_name: string; column_default: string }>(
      `select column_name, column_default from information_schema.columns
        where table_schema = 'public' and table_name in ('clinic_booking_rules', 'clinic_reminder_settings')
          and column_name <> 'updated_at' and column_default is not null order by column_name`,
    );
    const d = Object.fromEntries(defaults.map((r) => [r.column_name, r.column_default]));
    expect(await withUser(user, (db) => getBookingRules(db, clinic.id))).toEqual({
      minNoticeMinutes: Number(d.min_notice_minutes),
      maxDaysAhead: Number(d.max_days_ahead),
      slotGranularityMinutes: Number(d.slot_granularity_minutes),
      clientChangeWindowHours: Number(d.client_change_window_hours),
      requireConfirmation: d.require_confirmation === "true",
      maxOpenAppointmentsPerPet: Number(d.max_open_appointments_per_pet),
    });
    const reminders = await withUser(user, (db) => getReminderSettings(db, clinic.id));
    expect(reminders.enabled).toBe(d.enabled === "true");
    expect(`'{${[...reminders.offsetsMinutes].join(",")}}'::integer[]`).toBe(d.offsets_minutes);
  });

  it("refuses a slug that is already taken, naming the field", async () => {
    const user = await createUser();
    const taken = slug();
    const input = createClinicInput.parse({ slug: taken, name: "First", timeZone: "Europe/Madrid", currency: "EUR" });
    await withUser(user, (db) => createClinic(db, input));
    const err = await errorOf(withUser(user, (db) => createClinic(db, { ...input, name: "Second" })));
    expect(err.status).toBe(409);
    expect(err.fields).toHaveProperty("slug");
  });

  it("refuses slugs that collide with app routes such as new-clinic", async () => {
    const user = await createUser();
    const input = createClinicInput.parse({ slug: "new-clinic", name: "Sneaky", timeZone: "UTC", currency: "EUR" });
    const err = await errorOf(withUser(user, (db) => createClinic(db, input)));
    expect(err.code).toBe("SLUG_RESERVED");
    expect(err.status).toBe(422);
  });

  it("rejects bad input field by field before the database", () => {
    const result = createClinicInput.safeParse({
      slug: "A!",
      name: "x",
      timeZone: "Mars/Base",
      currency: "EURO",
      defaultLocale: "fr",
      email: "nope",
    });
    expect(result.success).toBe(false);
    const paths = new Set(result.error?.issues.map((i) => i.path.join(".")));
    expect([...paths].sort()).toEqual(["currency", "defaultLocale", "email", "name", "slug", "timeZone"]);
    expect(
      createClinicInput.safeParse({ slug: "good-slug", name: "Good", timeZone: "UTC", currency: "XYZ" }).success,
    ).toBe(false);
  });
});

describe("updateClinicSettings", () => {
  it("lets owners and admins change the profile", async () => {
    const clinic = await createClinicFixture();
    const admin = await addStaff(clinic.id, "admin");
    const patch = updateClinicSettingsInput.parse({
      name: "Renamed",
      timeZone: "America/Bogota",
      phone: "",
      address: "Calle 1",
    });
    const updated = await withUser(admin, (db) => updateClinicSettings(db, clinic.id, patch));
    expect(updated).toMatchObject({
      name: "Renamed",
      timeZone: "America/Bogota",
      phone: null,
      address: "Calle 1",
      slug: clinic.slug,
    });
  });

  it.each(["vet", "receptionist"] as const)("refuses a %s (FORBIDDEN) and changes nothing", async (role) => {
    const clinic = await createClinicFixture({ name: "Unchanged" });
    const member = await addStaff(clinic.id, role);
    const err = await errorOf(withUser(member, (db) => updateClinicSettings(db, clinic.id, { name: "Hijacked" })));
    expect(err.code).toBe("FORBIDDEN");
    const { rows } = await testPool().query("select name from public.clinics where id = $1", [clinic.id]);
    expect(rows[0]).toEqual({ name: "Unchanged" });
  });

  it("names the time zone field when Postgres does not know the zone", async () => {
    const clinic = await createClinicFixture();
    const err = await errorOf(
      withUser(clinic.owner, (db) => updateClinicSettings(db, clinic.id, { timeZone: "Nowhere/Atlantis" })),
    );
    expect(err.status).toBe(422);
    expect(err.fields).toHaveProperty("timeZone");
    const created = await errorOf(
      withUser(clinic.owner, (db) =>
        createClinic(db, {
          slug: slug(),
          name: "Lost",
          timeZone: "Nowhere/Atlantis",
          currency: "EUR",
          defaultLocale: "en",
        }),
      ),
    );
    expect(created.status).toBe(422);
    expect(created.fields).toHaveProperty("timeZone");
  });

  it("refuses to change the slug or unknown fields", () => {
    const result = updateClinicSettingsInput.safeParse({ slug: "other" });
    expect(result.success).toBe(false);
    expect(updateClinicSettingsInput.safeParse({}).success).toBe(false);
  });
});

describe("tenant isolation of settings", () => {
  it("staff of clinic A can neither read nor update clinic B's settings", async () => {
    const a = await createClinicFixture();
    const b = await createClinicFixture({ name: "Clinic B" });
    const err1 = await errorOf(withUser(a.owner, (db) => getClinicSettings(db, b.id)));
    expect(err1.code).toBe("FORBIDDEN");
    const err2 = await errorOf(withUser(a.owner, (db) => updateClinicSettings(db, b.id, { name: "Taken over" })));
    expect(err2.code).toBe("FORBIDDEN");
    const { rows } = await testPool().query("select name from public.clinics where id = $1", [b.id]);
    expect(rows[0]).toEqual({ name: "Clinic B" });
    await expect(withUser(b.owner, (db) => getClinicSettings(db, b.id))).resolves.toMatchObject({ name: "Clinic B" });
  });
});

describe("listMyClinics", () => {
  it("lists clinics where the user is staff or a client, and no others", async () => {
    const user = await createUser();
    const staffOf = await createClinicFixture({ name: "A staff clinic" });
    await addStaff(staffOf.id, "vet", user);
    const clientOf = await createClinicFixture({ name: "B client clinic" });
    await createClient(clientOf.id, { user });
    await createClinicFixture({ name: "C unrelated" });
    const mine = await withUser(user, (db) => listMyClinics(db));
    expect(mine.map((c) => [c.slug, c.role, c.isClient])).toEqual([
      [staffOf.slug, "vet", false],
      [clientOf.slug, null, true],
    ]);
  });
});
