// Prescriptions and the dispensing ledger against the real database, through the app's use-cases and
// routes: only vets prescribe, staff dispense, the ledger can never be changed or deleted, another clinic's
// staff and other clients can neither read nor write, and a client sees only their own pets' active
// prescriptions with the refills left.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as prescribePost } from "@/app/api/clinics/[clinic]/pets/[petId]/prescriptions/route";
import { POST as dispensePost } from "@/app/api/clinics/[clinic]/prescriptions/[prescriptionId]/dispense/route";
import { POST as cancelPost } from "@/app/api/clinics/[clinic]/prescriptions/[prescriptionId]/cancel/route";
import { withUser } from "@/lib/db/context";
import { closePool } from "@/lib/db/pool";
import { cancelPrescription } from "@/lib/prescriptions/cancel-prescription";
import { createPrescription } from "@/lib/prescriptions/create-prescription";
import { dispensePrescription } from "@/lib/prescriptions/dispense-prescription";
import { getPrescription } from "@/lib/prescriptions/get-prescription";
import { listMyPetPrescriptions } from "@/lib/prescriptions/list-my-pet-prescriptions";
import { listPetPrescriptions } from "@/lib/prescriptions/list-pet-prescriptions";
import {
  addStaff,
  closeTestPool,
  createClient,
  createClinic,
  createPet,
  createUser,
  testPool,
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
let ownerClientId: string;
let petId: string;
let stranger: TestUser;
let strangerPetId: string;

const rx = () => ({
  medication: "Amoxicillin 250 mg",
  dose: "1 tablet",
  directions: "Twice daily for 10 days",
  unit: "tablets",
  quantityPerFill: 20,
  refills: 2,
  expiresOn: daysFromToday(90, clinic.timeZone),
});

beforeAll(async () => {
  clinic = await createClinic();
  other = await createClinic();
  vet = await signedIn();
  await addStaff(clinic.id, "vet", vet);
  reception = await signedIn();
  await addStaff(clinic.id, "receptionist", reception);
  otherVet = await addStaff(other.id, "vet");
  owner = await createUser();
  ownerClientId = (await createClient(clinic.id, { user: owner })).id;
  petId = (await createPet(clinic.id, ownerClientId, { name: "Luna" })).id;
  stranger = await createUser();
  const strangerClient = await createClient(clinic.id, { user: stranger });
  strangerPetId = (await createPet(clinic.id, strangerClient.id, { name: "Max" })).id;
});

afterAll(async () => {
  await closePool();
  await closeTestPool();
});

const asVet = <T>(fn: Parameters<typeof withUser<T>>[1]) => withUser(vet, fn);

describe("prescribing", () => {
  it("lets a vet prescribe over HTTP; the whole quantity remains and two refills are left", async () => {
    const res = await call(prescribePost, clinic.slug, "POST", `/pets/${petId}/prescriptions`, vet.cookie, rx(), {
      petId,
    });
    expect(res.status).toBe(201);
    expect(res.body.prescription).toMatchObject({ status: "active", quantityRemaining: 60, refillsLeft: 2 });
  });

  it("refuses a receptionist (403) and names the wrong field of bad input (422)", async () => {
    const path = `/pets/${petId}/prescriptions`;
    expect((await call(prescribePost, clinic.slug, "POST", path, reception.cookie, rx(), { petId })).status).toBe(403);
    const bad = await call(prescribePost, clinic.slug, "POST", path, vet.cookie, { ...rx(), refills: -1 }, { petId });
    expect(bad.status).toBe(422);
    expect(bad.body).toMatchObject({ error: { fields: { refills: expect.any(Array) } } });
  });

  it("refuses an expiry that is not after the clinic's today, on expiresOn", async () => {
    const err = await errorOf(
      asVet((db) =>
        createPrescription(
          db,
          { clinicId: clinic.id, petId },
          { ...rx(), expiresOn: daysFromToday(0, clinic.timeZone) },
        ),
      ),
    );
    expect(err.fields).toHaveProperty("expiresOn");
  });

  it("refuses a receptionist even when calling the SQL function directly", async () => {
    const err = await errorOf(
      withUser(reception, (db) => createPrescription(db, { clinicId: clinic.id, petId }, rx())),
    );
    expect(err.code).toBe("FORBIDDEN");
  });
});

describe("dispensing", () => {
  it("lets a receptionist dispense over HTTP, decrementing what remains and recording who and the batch", async () => {
    const created = await asVet((db) => createPrescription(db, { clinicId: clinic.id, petId }, rx()));
    const path = `/prescriptions/${created.id}/dispense`;
    const res = await call(
      dispensePost,
      clinic.slug,
      "POST",
      path,
      reception.cookie,
      { quantity: 20, batch: "LOT-7" },
      {
        prescriptionId: created.id,
      },
    );
    expect(res.status).toBe(201);
    expect(res.body.dispensing).toMatchObject({ quantity: 20, remainingAfter: 40 });
    const [listed] = (await asVet((db) => listPetPrescriptions(db, { clinicId: clinic.id, petId }))).filter(
      (p) => p.id === created.id,
    );
    expect(listed).toMatchObject({ quantityRemaining: 40, refillsLeft: 1 });
    expect(listed?.dispensings).toMatchObject([{ quantity: 20, batch: "LOT-7", dispensedByName: reception.name }]);
  });

  it("refuses more than one fill (422 on quantity) and more than remains (409)", async () => {
    const created = await asVet((db) =>
      createPrescription(db, { clinicId: clinic.id, petId }, { ...rx(), refills: 0 }),
    );
    const scope = { clinicId: clinic.id, prescriptionId: created.id };
    const tooMuch = await errorOf(asVet((db) => dispensePrescription(db, scope, { quantity: 21 })));
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.fields).toHaveProperty("quantity");
    await asVet((db) => dispensePrescription(db, scope, { quantity: 15 }));
    const over = await errorOf(asVet((db) => dispensePrescription(db, scope, { quantity: 6 })));
    expect(over.code).toBe("QUANTITY_EXCEEDS_REMAINING");
    await asVet((db) => dispensePrescription(db, scope, { quantity: 5 }));
    expect((await asVet((db) => getPrescription(db, scope))).status).toBe("exhausted");
    expect((await errorOf(asVet((db) => dispensePrescription(db, scope, { quantity: 1 })))).code).toBe(
      "PRESCRIPTION_EXHAUSTED",
    );
  });

  it("cancels with a reason (vets only) and then refuses to dispense", async () => {
    const created = await asVet((db) => createPrescription(db, { clinicId: clinic.id, petId }, rx()));
    const scope = { clinicId: clinic.id, prescriptionId: created.id };
    const path = `/prescriptions/${created.id}/cancel`;
    const params = { prescriptionId: created.id };
    expect((await call(cancelPost, clinic.slug, "POST", path, reception.cookie, { reason: "x" }, params)).status).toBe(
      403,
    );
    expect((await call(cancelPost, clinic.slug, "POST", path, vet.cookie, { reason: "" }, params)).status).toBe(422);
    expect((await call(cancelPost, clinic.slug, "POST", path, vet.cookie, { reason: "Allergy" }, params)).status).toBe(
      200,
    );
    const cancelled = await asVet((db) => getPrescription(db, scope));
    expect(cancelled).toMatchObject({ status: "cancelled", cancelReason: "Allergy", quantityRemaining: 0 });
    expect((await errorOf(asVet((db) => dispensePrescription(db, scope, { quantity: 1 })))).code).toBe(
      "PRESCRIPTION_CANCELLED",
    );
  });

  it("shows an active prescription past its expiry date as expired and refuses to dispense it", async () => {
    const created = await asVet((db) => createPrescription(db, { clinicId: clinic.id, petId }, rx()));
    await testPool().query("update public.prescriptions set expires_on = $2 where id = $1", [
      created.id,
      daysFromToday(-1, clinic.timeZone),
    ]);
    const scope = { clinicId: clinic.id, prescriptionId: created.id };
    expect((await asVet((db) => getPrescription(db, scope))).status).toBe("expired");
    expect((await errorOf(asVet((db) => dispensePrescription(db, scope, { quantity: 1 })))).code).toBe(
      "PRESCRIPTION_EXPIRED",
    );
  });
});

describe("the ledger is append-only", () => {
  it("refuses update, delete and truncate even to the database owner", async () => {
    const created = await asVet((db) => createPrescription(db, { clinicId: clinic.id, petId }, rx()));
    await asVet((db) => dispensePrescription(db, { clinicId: clinic.id, prescriptionId: created.id }, { quantity: 5 }));
    const pool = testPool();
    const where = [created.id];
    for (const sql of [
      "update public.prescription_dispensings set quantity = 1 where prescription_id = $1",
      "delete from public.prescription_dispensings where prescription_id = $1",
    ]) {
      expect(await caught(pool.query(sql, where))).toMatchObject({ message: "ledger_is_append_only" });
    }
    expect(await caught(pool.query("truncate public.prescription_dispensings cascade"))).toMatchObject({
      message: "ledger_is_append_only",
    });
    // and a prescription with ledger lines cannot be deleted out from under them
    expect(await caught(pool.query("delete from public.prescriptions where id = $1", where))).toMatchObject({
      code: "23001",
    });
  });

  it("gives staff no way to write the tables directly", async () => {
    const created = await asVet((db) => createPrescription(db, { clinicId: clinic.id, petId }, rx()));
    for (const sql of [
      "update public.prescriptions set quantity_remaining = 1000 where id = $1",
      "delete from public.prescription_dispensings where prescription_id = $1",
      `insert into public.prescription_dispensings (clinic_id, prescription_id, quantity, dispensed_by, dispensed_by_name, remaining_after)
         select clinic_id, id, 1, prescribed_by, prescriber_name, 0 from public.prescriptions where id = $1`,
    ]) {
      expect(await caught(asVet((db) => db.query(sql, [created.id])))).toMatchObject({ code: "FORBIDDEN" });
    }
  });
});

describe("tenant isolation", () => {
  it("hides a clinic's prescriptions and ledger from another clinic's vet, who cannot dispense or cancel them", async () => {
    const created = await asVet((db) => createPrescription(db, { clinicId: clinic.id, petId }, rx()));
    await asVet((db) => dispensePrescription(db, { clinicId: clinic.id, prescriptionId: created.id }, { quantity: 1 }));
    const seen = await withUser(otherVet, async (db) => ({
      rx: (await db.query("select id from public.prescriptions where id = $1", [created.id])).rows,
      ledger: (
        await db.query("select id from public.prescription_dispensings where prescription_id = $1", [created.id])
      ).rows,
      listed: await listPetPrescriptions(db, { clinicId: clinic.id, petId }),
    }));
    expect(seen).toEqual({ rx: [], ledger: [], listed: [] });
    const scope = { clinicId: other.id, prescriptionId: created.id };
    expect((await errorOf(withUser(otherVet, (db) => dispensePrescription(db, scope, { quantity: 1 })))).code).toBe(
      "FORBIDDEN",
    );
    expect((await errorOf(withUser(otherVet, (db) => cancelPrescription(db, scope, { reason: "x" })))).code).toBe(
      "FORBIDDEN",
    );
    expect(
      (await errorOf(withUser(otherVet, (db) => createPrescription(db, { clinicId: clinic.id, petId }, rx())))).code,
    ).toBe("FORBIDDEN");
    // a vet of the other clinic naming this clinic's pet under their own clinic: no such pet there
    expect(
      (await errorOf(withUser(otherVet, (db) => createPrescription(db, { clinicId: other.id, petId }, rx())))).code,
    ).toBe("NOT_FOUND");
  });

  it("rejects dispensing through another clinic's address even for staff of both clinics", async () => {
    const both = await addStaff(other.id, "vet", await addStaff(clinic.id, "vet"));
    const created = await asVet((db) => createPrescription(db, { clinicId: clinic.id, petId }, rx()));
    const err = await errorOf(
      withUser(both, (db) =>
        dispensePrescription(db, { clinicId: other.id, prescriptionId: created.id }, { quantity: 1 }),
      ),
    );
    expect(err.code).toBe("NOT_FOUND");
    expect(
      (await asVet((db) => getPrescription(db, { clinicId: clinic.id, prescriptionId: created.id }))).quantityRemaining,
    ).toBe(60);
  });
});

describe("what clients see", () => {
  it("shows a client their own pets' active prescriptions with refills left, and nothing of other clients", async () => {
    const mine = await asVet((db) => createPrescription(db, { clinicId: clinic.id, petId }, rx()));
    await asVet((db) => dispensePrescription(db, { clinicId: clinic.id, prescriptionId: mine.id }, { quantity: 20 }));
    const cancelled = await asVet((db) => createPrescription(db, { clinicId: clinic.id, petId }, rx()));
    await asVet((db) =>
      cancelPrescription(db, { clinicId: clinic.id, prescriptionId: cancelled.id }, { reason: "No" }),
    );
    const theirs = await asVet((db) => createPrescription(db, { clinicId: clinic.id, petId: strangerPetId }, rx()));

    const seen = await withUser(owner, (db) => listMyPetPrescriptions(db, { clinicId: clinic.id }));
    const ids = seen.map((p) => p.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(cancelled.id);
    expect(ids).not.toContain(theirs.id);
    expect(seen.find((p) => p.id === mine.id)).toMatchObject({
      petName: "Luna",
      quantityRemaining: 40,
      refillsLeft: 1,
    });
    // clients read nothing from the tables themselves, not even their own pets' rows
    const direct = await withUser(owner, async (db) => ({
      rx: (await db.query("select id from public.prescriptions")).rows,
      ledger: (await db.query("select id from public.prescription_dispensings")).rows,
    }));
    expect(direct).toEqual({ rx: [], ledger: [] });
    const strangerSees = await withUser(stranger, (db) => listMyPetPrescriptions(db, { clinicId: clinic.id }));
    expect(strangerSees.map((p) => p.id)).toEqual([theirs.id]);
  });

  it("refuses a client who tries to dispense or prescribe through the functions", async () => {
    const created = await asVet((db) => createPrescription(db, { clinicId: clinic.id, petId }, rx()));
    const scope = { clinicId: clinic.id, prescriptionId: created.id };
    expect((await errorOf(withUser(owner, (db) => dispensePrescription(db, scope, { quantity: 1 })))).code).toBe(
      "FORBIDDEN",
    );
    expect(
      (await errorOf(withUser(owner, (db) => createPrescription(db, { clinicId: clinic.id, petId }, rx())))).code,
    ).toBe("FORBIDDEN");
  });
});
