// Vaccines and vaccinations against the real database, through the app's use-cases and routes: the next due
// date defaults from the vaccine's interval, the status per vaccine is up to date / due soon / overdue in the
// clinic's zone, a later dose replaces the earlier one, receptionists do not record, another clinic's staff
// and other clients can neither read nor write, and a client sees only their own pets.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as recordPost } from "@/app/api/clinics/[clinic]/pets/[petId]/vaccinations/route";
import { POST as vaccinePost } from "@/app/api/clinics/[clinic]/vaccines/route";
import { PUT as settingsPut } from "@/app/api/clinics/[clinic]/vaccine-reminder-settings/route";
import { withUser } from "@/lib/db/context";
import { closePool } from "@/lib/db/pool";
import { createVaccine } from "@/lib/vaccinations/create-vaccine";
import { listMyPetVaccinations } from "@/lib/vaccinations/list-my-pet-vaccinations";
import { listPetVaccinations } from "@/lib/vaccinations/list-pet-vaccinations";
import { listVaccines } from "@/lib/vaccinations/list-vaccines";
import { recordVaccination } from "@/lib/vaccinations/record-vaccination";
import { updateVaccine } from "@/lib/vaccinations/update-vaccine";
import {
  addStaff,
  closeTestPool,
  createClient,
  createClinic,
  createPet,
  createUser,
  type TestClinic,
  type TestUser,
} from "../helpers/factories";
import { call, signedIn } from "../helpers/route-calls";
import { caught, errorOf } from "../helpers/rejections";
import { daysFromToday } from "../helpers/dates";

let clinic: TestClinic;
let other: TestClinic;
let vet: TestUser & { cookie: string };
let reception: TestUser & { cookie: string };
let otherVet: TestUser;
let owner: TestUser;
let petId: string;
let catId: string;
let stranger: TestUser;
let strangerPetId: string;
let rabies: string;
let catVaccine: string;

beforeAll(async () => {
  clinic = await createClinic({ timeZone: "America/New_York" });
  other = await createClinic();
  vet = await signedIn();
  await addStaff(clinic.id, "vet", vet);
  reception = await signedIn();
  await addStaff(clinic.id, "receptionist", reception);
  otherVet = await addStaff(other.id, "vet");
  owner = await createUser();
  const ownerClient = await createClient(clinic.id, { user: owner });
  petId = (await createPet(clinic.id, ownerClient.id, { name: "Luna", species: "dog" })).id;
  catId = (await createPet(clinic.id, ownerClient.id, { name: "Milo", species: "cat" })).id;
  stranger = await createUser();
  strangerPetId = (await createPet(clinic.id, (await createClient(clinic.id, { user: stranger })).id)).id;
  const made = await withUser(vet, async (db) => ({
    rabies: await createVaccine(db, clinic.id, { name: "Rabies", species: null, intervalDays: 365 }),
    cat: await createVaccine(db, clinic.id, { name: "FVRCP", species: "cat", intervalDays: 365 }),
  }));
  rabies = made.rabies.id;
  catVaccine = made.cat.id;
});

afterAll(async () => {
  await closePool();
  await closeTestPool();
});

const asVet = <T>(fn: Parameters<typeof withUser<T>>[1]) => withUser(vet, fn);
const tz = () => clinic.timeZone;

describe("the vaccine list", () => {
  it("lets vets add and edit vaccines, refuses receptionists, and offers a species only its vaccines", async () => {
    const res = await call(vaccinePost, clinic.slug, "POST", "/vaccines", reception.cookie, {
      name: "Leptospirosis",
      species: "dog",
      intervalDays: 365,
    });
    expect(res.status).toBe(403);
    const bad = await call(vaccinePost, clinic.slug, "POST", "/vaccines", vet.cookie, {
      name: "",
      species: "dragon",
      intervalDays: 0,
    });
    expect(bad.status).toBe(422);
    expect(Object.keys((bad.body.error as { fields: object }).fields).sort()).toEqual([
      "intervalDays",
      "name",
      "species",
    ]);
    const lepto = await call(vaccinePost, clinic.slug, "POST", "/vaccines", vet.cookie, {
      name: "Leptospirosis",
      species: "dog",
      intervalDays: 365,
    });
    expect(lepto.status).toBe(201);
    const dogs = await asVet((db) => listVaccines(db, { clinicId: clinic.id, forSpecies: "dog" }));
    expect(dogs.map((v) => v.name).sort()).toEqual(["Leptospirosis", "Rabies"]);
    const id = (lepto.body.vaccine as { id: string }).id;
    await asVet((db) =>
      updateVaccine(
        db,
        { clinicId: clinic.id, vaccineId: id },
        { name: "Lepto", species: "dog", intervalDays: 180, active: false },
      ),
    );
    expect(
      (await asVet((db) => listVaccines(db, { clinicId: clinic.id, forSpecies: "dog" }))).map((v) => v.name),
    ).toEqual(["Rabies"]);
  });
});

describe("recording vaccinations", () => {
  it("defaults the next due date from the interval and shows the status per vaccine", async () => {
    const givenOn = daysFromToday(-360, tz());
    const res = await call(
      recordPost,
      clinic.slug,
      "POST",
      `/pets/${petId}/vaccinations`,
      vet.cookie,
      {
        vaccineId: rabies,
        givenOn,
        batch: "RB-1",
      },
      { petId },
    );
    expect(res.status).toBe(201);
    expect(res.body.vaccination).toMatchObject({ nextDueOn: daysFromToday(5, tz()) });
    const { statuses, history } = await asVet((db) => listPetVaccinations(db, { clinicId: clinic.id, petId }));
    expect(statuses).toEqual([
      expect.objectContaining({ vaccineName: "Rabies", nextDueOn: daysFromToday(5, tz()), status: "due_soon" }),
    ]);
    expect(history[0]).toMatchObject({ batch: "RB-1", givenByName: vet.name });
  });

  it("shows overdue, then up to date once the vaccine is given again", async () => {
    await asVet((db) =>
      recordVaccination(
        db,
        { clinicId: clinic.id, petId: catId },
        { vaccineId: catVaccine, givenOn: daysFromToday(-400, tz()) },
      ),
    );
    const before = await asVet((db) => listPetVaccinations(db, { clinicId: clinic.id, petId: catId }));
    expect(before.statuses[0]).toMatchObject({ status: "overdue" });
    await asVet((db) =>
      recordVaccination(
        db,
        { clinicId: clinic.id, petId: catId },
        { vaccineId: catVaccine, givenOn: daysFromToday(0, tz()) },
      ),
    );
    const after = await asVet((db) => listPetVaccinations(db, { clinicId: clinic.id, petId: catId }));
    expect(after.statuses).toEqual([
      expect.objectContaining({ status: "up_to_date", nextDueOn: daysFromToday(365, tz()) }),
    ]);
    expect(after.history).toHaveLength(2);
  });

  it("refuses a vaccine for another species, a date in the future, and a receptionist, naming the field", async () => {
    const scope = { clinicId: clinic.id, petId };
    const wrong = await errorOf(
      asVet((db) => recordVaccination(db, scope, { vaccineId: catVaccine, givenOn: daysFromToday(0, tz()) })),
    );
    expect(wrong.fields).toHaveProperty("vaccineId");
    const future = await errorOf(
      asVet((db) => recordVaccination(db, scope, { vaccineId: rabies, givenOn: daysFromToday(2, tz()) })),
    );
    expect(future.fields).toHaveProperty("givenOn");
    const early = await errorOf(
      asVet((db) =>
        recordVaccination(db, scope, {
          vaccineId: rabies,
          givenOn: daysFromToday(0, tz()),
          nextDueOn: daysFromToday(0, tz()),
        }),
      ),
    );
    expect(early.fields).toHaveProperty("nextDueOn");
    const res = await call(
      recordPost,
      clinic.slug,
      "POST",
      `/pets/${petId}/vaccinations`,
      reception.cookie,
      {
        vaccineId: rabies,
        givenOn: daysFromToday(0, tz()),
      },
      { petId },
    );
    expect(res.status).toBe(403);
    expect(
      (
        await errorOf(
          withUser(reception, (db) =>
            recordVaccination(db, scope, { vaccineId: rabies, givenOn: daysFromToday(0, tz()) }),
          ),
        )
      ).code,
    ).toBe("FORBIDDEN");
  });
});

describe("tenant isolation", () => {
  it("hides vaccines and vaccinations from another clinic's vet, who can neither record nor edit them", async () => {
    const seen = await withUser(otherVet, async (db) => ({
      vaccines: (await db.query("select id from public.vaccines where clinic_id = $1", [clinic.id])).rows,
      vaccinations: (await db.query("select id from public.vaccinations where clinic_id = $1", [clinic.id])).rows,
      statuses: (await listPetVaccinations(db, { clinicId: clinic.id, petId })).statuses,
    }));
    expect(seen).toEqual({ vaccines: [], vaccinations: [], statuses: [] });
    const scope = { clinicId: clinic.id, petId };
    expect(
      (
        await errorOf(
          withUser(otherVet, (db) =>
            recordVaccination(db, scope, { vaccineId: rabies, givenOn: daysFromToday(0, tz()) }),
          ),
        )
      ).code,
    ).toBe("FORBIDDEN");
    // under their own clinic, this clinic's pet and vaccine do not exist
    const own = await errorOf(
      withUser(otherVet, (db) =>
        recordVaccination(
          db,
          { clinicId: other.id, petId },
          { vaccineId: rabies, givenOn: daysFromToday(0, other.timeZone) },
        ),
      ),
    );
    expect(own.code).toBe("NOT_FOUND");
    expect(
      (
        await errorOf(
          withUser(otherVet, (db) =>
            updateVaccine(
              db,
              { clinicId: clinic.id, vaccineId: rabies },
              { name: "X", species: null, intervalDays: 1, active: true },
            ),
          ),
        )
      ).code,
    ).toBe("NOT_FOUND");
    expect(
      await caught(
        withUser(otherVet, (db) => createVaccine(db, clinic.id, { name: "Sneaky", species: null, intervalDays: 10 })),
      ),
    ).toMatchObject({ code: "FORBIDDEN" });
    expect(
      await caught(
        withUser(otherVet, (db) =>
          db.query("update public.vaccinations set batch = 'x' where clinic_id = $1", [clinic.id]),
        ),
      ),
    ).toMatchObject({ code: "FORBIDDEN" });
  });

  it("lets only owners and admins change the vaccine reminders", async () => {
    const body = { offsetsDays: [14, 3], overdueDays: 10 };
    expect((await call(settingsPut, clinic.slug, "PUT", "/vaccine-reminder-settings", vet.cookie, body)).status).toBe(
      403,
    );
    const bad = await call(settingsPut, clinic.slug, "PUT", "/vaccine-reminder-settings", vet.cookie, {
      offsetsDays: [0],
      overdueDays: null,
    });
    expect(bad.status).toBe(403);
  });
});

describe("what clients see", () => {
  it("shows a client their own pets' vaccination statuses and nothing of other clients", async () => {
    await asVet((db) =>
      recordVaccination(
        db,
        { clinicId: clinic.id, petId: strangerPetId },
        { vaccineId: rabies, givenOn: daysFromToday(0, tz()) },
      ),
    );
    const mine = await withUser(owner, (db) => listMyPetVaccinations(db, { clinicId: clinic.id }));
    expect(new Set(mine.map((v) => v.petName))).toEqual(new Set(["Luna", "Milo"]));
    expect(mine.every((v) => v.petId !== strangerPetId)).toBe(true);
    const direct = await withUser(owner, async (db) => ({
      vaccinations: (await db.query("select id from public.vaccinations")).rows,
      vaccines: (await db.query("select id from public.vaccines")).rows,
    }));
    expect(direct).toEqual({ vaccinations: [], vaccines: [] });
    const theirs = await withUser(stranger, (db) => listMyPetVaccinations(db, { clinicId: clinic.id }));
    expect(theirs.map((v) => v.petId)).toEqual([strangerPetId]);
    expect(
      (
        await errorOf(
          withUser(owner, (db) =>
            recordVaccination(
              db,
              { clinicId: clinic.id, petId },
              { vaccineId: rabies, givenOn: daysFromToday(0, tz()) },
            ),
          ),
        )
      ).code,
    ).toBe("FORBIDDEN");
  });
});
