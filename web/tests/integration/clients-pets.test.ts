// Clients and pets use-cases against the real database: profile and consent updates, validation errors with
// field names, staff-made clients linked to a login later, and register_as_client's verified-email rule.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient as createClientRecord } from "@/lib/clients/create-client";
import { getMyClientProfile } from "@/lib/clients/get-my-client-profile";
import { linkClientUser } from "@/lib/clients/link-client-user";
import { listClients } from "@/lib/clients/list-clients";
import { registerAsClient } from "@/lib/clients/register-as-client";
import { updateClient } from "@/lib/clients/update-client";
import { updateMyClientProfile } from "@/lib/clients/update-my-client-profile";
import { withUser } from "@/lib/db/context";
import { closePool } from "@/lib/db/pool";
import { archivePet } from "@/lib/pets/archive-pet";
import { createPet } from "@/lib/pets/create-pet";
import { listPets } from "@/lib/pets/list-pets";
import { latestDateOnEarth } from "@/lib/pets/pet-record";
import { updatePet } from "@/lib/pets/update-pet";
import {
  addStaff,
  closeTestPool,
  createClient,
  createClinic,
  createUser,
  testPool,
  type TestClinic,
  type TestUser,
} from "../helpers/factories";
import { addDays, today } from "../helpers/dates";

let clinic: TestClinic;
let reception: TestUser;
let person: TestUser;
let personClientId: string;

beforeAll(async () => {
  clinic = await createClinic();
  reception = await addStaff(clinic.id, "receptionist");
  person = await createUser();
  personClientId = (await createClient(clinic.id, { user: person })).id;
});

afterAll(async () => {
  await closePool();
  await closeTestPool();
});

const uniqueEmail = (tag: string) => `${tag}-${Math.random().toString(36).slice(2, 10)}@example.test`;

describe("a client's profile, contact preferences and consents", () => {
  it("saves contact details, channel, reminders and marketing consent, and reads them back", async () => {
    const updated = await withUser(person, (db) =>
      updateMyClientProfile(
        db,
        { clinicId: clinic.id },
        {
          fullName: "  Ana Pérez ",
          phone: "+34 600 123 456",
          address: "Calle Sol 3",
          locale: "es",
          preferredChannel: "sms",
          smsReminders: true,
          emailReminders: false,
          marketingOptIn: true,
        },
      ),
    );
    expect(updated).toMatchObject({
      fullName: "Ana Pérez",
      phone: "+34 600 123 456",
      locale: "es",
      preferredChannel: "sms",
      smsReminders: true,
      emailReminders: false,
      marketingOptIn: true,
    });
    const again = await withUser(person, (db) => getMyClientProfile(db, { clinicId: clinic.id }));
    expect(again).toEqual(updated);
    const { rows } = await testPool().query(
      "select preferred_channel, sms_reminders, email_reminders, marketing_opt_in from public.clients where id = $1",
      [personClientId],
    );
    expect(rows[0]).toEqual({
      preferred_channel: "sms",
      sms_reminders: true,
      email_reminders: false,
      marketing_opt_in: true,
    });
  });

  it("withdraws marketing consent and clears the phone with an empty value, leaving other fields alone", async () => {
    const updated = await withUser(person, (db) =>
      updateMyClientProfile(db, { clinicId: clinic.id }, { marketingOptIn: false, phone: "" }),
    );
    expect(updated).toMatchObject({
      marketingOptIn: false,
      phone: null,
      preferredChannel: "sms",
      fullName: "Ana Pérez",
    });
  });

  it("rejects a malformed phone and an unknown channel with field errors", async () => {
    await expect(
      withUser(person, (db) =>
        updateMyClientProfile(db, { clinicId: clinic.id }, { phone: "call me", preferredChannel: "pigeon" as never }),
      ),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      status: 422,
      fields: { phone: expect.any(Array), preferredChannel: expect.any(Array) },
    });
  });
});

describe("pet validation", () => {
  it("maps every invalid field to INVALID_INPUT with that field's name", async () => {
    const err = await withUser(person, (db) =>
      createPet(
        db,
        { clinicId: clinic.id, clientId: personClientId },
        {
          name: "  ",
          species: "dragon" as never,
          sex: "both" as never,
          birthDate: "2999-01-01",
          weightKg: -2,
          microchip: "abc",
        },
      ),
    ).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "INVALID_INPUT", status: 422 });
    expect(Object.keys((err as { fields: Record<string, string[]> }).fields).sort()).toEqual([
      "birthDate",
      "microchip",
      "name",
      "sex",
      "species",
      "weightKg",
    ]);
  });

  it("rejects tomorrow-anywhere-on-Earth as a birth date but accepts today", async () => {
    const tomorrow = addDays(today(), 2);
    await expect(
      withUser(person, (db) =>
        createPet(
          db,
          { clinicId: clinic.id, clientId: personClientId },
          { name: "Future", species: "cat", birthDate: tomorrow },
        ),
      ),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { birthDate: ["A birth date cannot be in the future"] } });
    const todayUtc = today();
    expect(todayUtc <= latestDateOnEarth()).toBe(true);
    const pet = await withUser(person, (db) =>
      createPet(
        db,
        { clinicId: clinic.id, clientId: personClientId },
        { name: "Newborn", species: "cat", birthDate: todayUtc },
      ),
    );
    expect(pet.birthDate).toBe(todayUtc);
  });

  it("rejects an invalid pet id with a field error instead of a database error", async () => {
    await expect(
      withUser(person, (db) => updatePet(db, { clinicId: clinic.id, petId: "not-a-uuid" }, { name: "x" })),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fields: { petId: expect.any(Array) },
    });
  });

  it("stores weight in grams and returns kg; normalises the microchip; rejects a duplicate microchip", async () => {
    const pet = await withUser(person, (db) =>
      createPet(
        db,
        { clinicId: clinic.id, clientId: personClientId },
        { name: "Luna", species: "dog", sex: "female_spayed", weightKg: 17.5, microchip: "941 000 024 680 135" },
      ),
    );
    expect(pet).toMatchObject({ weightKg: 17.5, microchip: "941000024680135", sex: "female_spayed" });
    const { rows } = await testPool().query("select weight_grams from public.pets where id = $1", [pet.id]);
    expect(rows[0]).toEqual({ weight_grams: 17500 });
    await expect(
      withUser(reception, (db) =>
        createPet(
          db,
          { clinicId: clinic.id, clientId: personClientId },
          { name: "Twin", species: "dog", microchip: "941000024680135" },
        ),
      ),
    ).rejects.toMatchObject({ code: "ALREADY_EXISTS", status: 409, fields: { microchip: expect.any(Array) } });
  });

  it("edits, archives and restores a pet; archived pets leave the default list", async () => {
    const pet = await withUser(person, (db) =>
      createPet(db, { clinicId: clinic.id, clientId: personClientId }, { name: "Milo", species: "cat" }),
    );
    const edited = await withUser(person, (db) =>
      updatePet(db, { clinicId: clinic.id, petId: pet.id }, { breed: "Siamese", weightKg: 4.2, notes: "" }),
    );
    expect(edited).toMatchObject({ name: "Milo", breed: "Siamese", weightKg: 4.2, notes: null });
    await withUser(person, (db) => archivePet(db, { clinicId: clinic.id, petId: pet.id }));
    const active = await withUser(person, (db) => listPets(db, { clinicId: clinic.id }));
    expect(active.items.map((p) => p.id)).not.toContain(pet.id);
    const all = await withUser(person, (db) => listPets(db, { clinicId: clinic.id, includeArchived: true }));
    expect(all.items.find((p) => p.id === pet.id)?.archivedAt).toBeInstanceOf(Date);
    const restored = await withUser(reception, (db) =>
      archivePet(db, { clinicId: clinic.id, petId: pet.id, archived: false }),
    );
    expect(restored.archivedAt).toBeNull();
  });
});

describe("staff-made clients and logins", () => {
  it("creates a client without email or login", async () => {
    const c = await withUser(reception, (db) =>
      createClientRecord(db, { clinicId: clinic.id }, { fullName: "Walk-in Wanda", phone: "600 000 111" }),
    );
    expect(c).toMatchObject({
      fullName: "Walk-in Wanda",
      email: null,
      userId: null,
      preferredChannel: "email",
      emailReminders: true,
      marketingOptIn: false,
    });
  });

  it("links the record after the person signs up with that email and verifies it", async () => {
    const email = uniqueEmail("later");
    const c = await withUser(reception, (db) =>
      createClientRecord(db, { clinicId: clinic.id }, { fullName: "Later Larry", email: email.toUpperCase() }),
    );
    expect(c.email).toBe(email);
    await expect(
      withUser(reception, (db) => linkClientUser(db, { clinicId: clinic.id, clientId: c.id })),
    ).rejects.toMatchObject({
      code: "NO_MATCHING_ACCOUNT",
      status: 409,
      fields: { email: expect.any(Array) },
    });
    const unverified = await createUser({ email, verified: false });
    await expect(
      withUser(reception, (db) => linkClientUser(db, { clinicId: clinic.id, clientId: c.id })),
    ).rejects.toMatchObject({ code: "NO_MATCHING_ACCOUNT" });
    await testPool().query("update public.users set email_verified = true where id = $1", [unverified.userId]);
    const linked = await withUser(reception, (db) => linkClientUser(db, { clinicId: clinic.id, clientId: c.id }));
    expect(linked).toMatchObject({ id: c.id, userId: unverified.userId });
    const mine = await withUser(unverified, (db) => getMyClientProfile(db, { clinicId: clinic.id }));
    expect(mine.id).toBe(c.id);
  });

  it("refuses a second client with the same email in the clinic, naming the field", async () => {
    const email = uniqueEmail("dup");
    await withUser(reception, (db) => createClientRecord(db, { clinicId: clinic.id }, { fullName: "First", email }));
    await expect(
      withUser(reception, (db) => createClientRecord(db, { clinicId: clinic.id }, { fullName: "Second", email })),
    ).rejects.toMatchObject({
      code: "ALREADY_EXISTS",
      fields: { email: expect.any(Array) },
    });
  });

  it("staff edit a client's contact email and consents", async () => {
    const c = await withUser(reception, (db) =>
      createClientRecord(db, { clinicId: clinic.id }, { fullName: "Edit Me" }),
    );
    const updated = await withUser(reception, (db) =>
      updateClient(
        db,
        { clinicId: clinic.id, clientId: c.id },
        { email: uniqueEmail("edited"), smsReminders: true, fullName: "Edited" },
      ),
    );
    expect(updated).toMatchObject({ fullName: "Edited", smsReminders: true });
    expect(updated.email).toMatch(/^edited-/);
  });

  it("searches by name, email or phone and pages with a total", async () => {
    const tag = Math.random().toString(36).slice(2, 8);
    for (let i = 0; i < 5; i++) {
      await withUser(reception, (db) =>
        createClientRecord(
          db,
          { clinicId: clinic.id },
          { fullName: `Zed ${tag} ${i}`, email: `${tag}${i}@example.test` },
        ),
      );
    }
    const first = await withUser(reception, (db) =>
      listClients(db, { clinicId: clinic.id, q: tag, limit: 2, offset: 0 }),
    );
    expect(first.total).toBe(5);
    expect(first.items.map((c) => c.fullName)).toEqual([`Zed ${tag} 0`, `Zed ${tag} 1`]);
    const last = await withUser(reception, (db) =>
      listClients(db, { clinicId: clinic.id, q: tag, limit: 2, offset: 4 }),
    );
    expect(last).toMatchObject({ total: 5, offset: 4 });
    expect(last.items.map((c) => c.fullName)).toEqual([`Zed ${tag} 4`]);
    const byEmail = await withUser(reception, (db) => listClients(db, { clinicId: clinic.id, q: `${tag}3@` }));
    expect(byEmail.items.map((c) => c.fullName)).toEqual([`Zed ${tag} 3`]);
    const wildcard = await withUser(reception, (db) => listClients(db, { clinicId: clinic.id, q: "%" }));
    expect(wildcard.total).toBe(0);
  });
});

describe("register_as_client", () => {
  it("makes a new client from the signed-in account, once", async () => {
    const u = await createUser({ locale: "es" });
    const first = await withUser(u, (db) => registerAsClient(db, clinic.slug, { phone: "+34 611 222 333" }));
    expect(first).toMatchObject({
      clinicId: clinic.id,
      userId: u.userId,
      fullName: u.name,
      email: u.email,
      phone: "+34 611 222 333",
      locale: "es",
    });
    const second = await withUser(u, (db) => registerAsClient(db, clinic.slug));
    expect(second.id).toBe(first.id);
  });

  it("links a staff-made record with the same email only when the email is verified", async () => {
    const email = uniqueEmail("verified");
    const staffMade = await withUser(reception, (db) =>
      createClientRecord(db, { clinicId: clinic.id }, { fullName: "Staff Typed Name", email }),
    );
    const u = await createUser({ email, verified: true });
    const c = await withUser(u, (db) => registerAsClient(db, clinic.slug));
    expect(c).toMatchObject({ id: staffMade.id, userId: u.userId });
    const { rows } = await testPool().query(
      "select count(*)::int as n from public.clients where clinic_id = $1 and email = $2",
      [clinic.id, email],
    );
    expect(rows[0]).toEqual({ n: 1 });
  });

  it("does not hand a staff-made record to an unverified account with that email", async () => {
    const email = uniqueEmail("unverified");
    const staffMade = await withUser(reception, (db) =>
      createClientRecord(db, { clinicId: clinic.id }, { fullName: "Real Person", email }),
    );
    const impostor = await createUser({ email, verified: false });
    await expect(withUser(impostor, (db) => registerAsClient(db, clinic.slug))).rejects.toMatchObject({
      code: "ALREADY_EXISTS",
      fields: { email: expect.any(Array) },
    });
    const { rows } = await testPool().query("select user_id from public.clients where id = $1", [staffMade.id]);
    expect(rows[0]).toEqual({ user_id: null });
  });

  it("answers 404 for an unknown clinic", async () => {
    await expect(withUser(person, (db) => registerAsClient(db, "no-such-clinic-here"))).rejects.toMatchObject({
      status: 404,
    });
  });
});
