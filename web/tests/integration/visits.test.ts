// Visits against the real database through the use-cases the routes call (withUser: RLS and the session
// identity apply): check-in opens one visit per appointment even under concurrent check-ins, clinicians write
// and sign, a signed visit and its notes, charges and weight are frozen for every role (the table owner
// included), addenda are append-only, receptionists read notes only when the clinic allows it, clients read
// only shared summaries, and another clinic's staff reach none of it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withUser } from "@/lib/db/context";
import { closePool } from "@/lib/db/pool";
import { addVisitAddendum } from "@/lib/visits/add-visit-addendum";
import { addVisitCharge } from "@/lib/visits/add-visit-charge";
import { finalizeVisit } from "@/lib/visits/finalize-visit";
import { getVisit } from "@/lib/visits/get-visit";
import { listPetVisits } from "@/lib/visits/list-pet-visits";
import { listPetWeights } from "@/lib/visits/list-pet-weights";
import { listSharedVisitSummaries } from "@/lib/visits/list-shared-visit-summaries";
import { openVisit } from "@/lib/visits/open-visit";
import { removeVisitCharge } from "@/lib/visits/remove-visit-charge";
import { updateVisit } from "@/lib/visits/update-visit";
import { updateClinicalNotesAccess } from "@/lib/clinics/update-clinical-notes-access";
import {
  createPetOwner,
  createService,
  createVet,
  localDateFromToday,
  localInstant,
  openRacer,
  race,
  type TestOwner,
  type TestService,
} from "../helpers/appointment-factories";
import { addStaff, closeTestPool, createClinic, testPool, type TestClinic, type TestUser } from "../helpers/factories";
import { errorOf } from "../helpers/rejections";

const TZ = "Europe/Madrid";
const SOAP = "S: limping since Tuesday (internal)";
let clinic: TestClinic;
let other: TestClinic;
let service: TestService;
let vet: TestUser;
let receptionist: TestUser;
let otherVet: TestUser;
let alice: TestOwner;
let bob: TestOwner;
let slot = 0;

const tables = ["visits", "visit_notes", "visit_charges", "pet_weights", "visit_addenda"] as const;

async function appointment(owner: TestOwner, status = "confirmed"): Promise<string> {
  const day = await localDateFromToday(TZ, 3);
  const startsAt = await localInstant(TZ, day, `${String(8 + slot++).padStart(2, "0")}:00`);
  const { rows } = await testPool().query<{ id: string }>(
    `insert into public.appointments (clinic_id, client_id, pet_id, service_id, vet_id, starts_at, ends_at, status)
     values ($1, $2, $3, $4, $5, $6::timestamptz, $6::timestamptz + interval '30 minutes', $7) returning id`,
    [clinic.id, owner.clientId, owner.petId, service.id, vet.userId, startsAt, status],
  );
  return rows[0]!.id;
}

const as = <T>(u: TestUser, fn: Parameters<typeof withUser<T>>[1]) => withUser(u, fn);

/** A finalized visit for alice's pet with notes, a charge, a weight and one addendum. */
async function signedVisit(opts: { shared?: boolean } = {}) {
  const visit = await as(vet, (db) => openVisit(db, clinic.id, { petId: alice.petId, reason: "Limping" }));
  const scope = { clinicId: clinic.id, visitId: visit.id };
  await as(vet, async (db) => {
    await updateVisit(db, scope, {
      subjective: SOAP,
      assessment: "Soft tissue injury",
      diagnoses: ["Sprain"],
      weightKg: 12.4,
      temperatureC: 38.6,
      summary: "Rest for a week.",
      dischargeInstructions: "Short walks only.",
      sharedWithClient: opts.shared ?? true,
    });
    await addVisitCharge(db, scope, { kind: "service", serviceId: service.id });
  });
  await as(vet, (db) => finalizeVisit(db, scope));
  await as(vet, (db) => addVisitAddendum(db, scope, { body: "Addendum: recheck in 10 days." }));
  return scope;
}

beforeAll(async () => {
  clinic = await createClinic({ timeZone: TZ });
  other = await createClinic({ timeZone: TZ });
  service = await createService(clinic.id, { name: "Consultation" });
  vet = await createVet(clinic.id, { serviceIds: [service.id] });
  receptionist = await addStaff(clinic.id, "receptionist");
  otherVet = await addStaff(other.id, "vet");
  alice = await createPetOwner(clinic.id);
  bob = await createPetOwner(clinic.id);
});

afterAll(async () => {
  await closePool();
  await closeTestPool();
});

describe("checking in", () => {
  it("opens the appointment's visit, checks the appointment in, and returns the same visit when repeated", async () => {
    const id = await appointment(alice);
    const first = await as(receptionist, (db) => openVisit(db, clinic.id, { appointmentId: id }));
    const again = await as(vet, (db) => openVisit(db, clinic.id, { appointmentId: id }));
    expect(again.id).toBe(first.id);
    expect(first.reason).toBe("Consultation");
    expect(first.vetId).toBe(vet.userId);
    const { rows } = await testPool().query("select status from public.appointments where id = $1", [id]);
    expect(rows[0]).toEqual({ status: "checked_in" });
  });

  it("gives ten concurrent check-ins of one appointment one visit", async () => {
    const id = await appointment(alice);
    const out = await race<{ id: string }>(Array(10).fill(receptionist) as TestUser[], () => ({
      sql: "select id from public.open_visit(p_clinic_id => $1, p_appointment_id => $2)",
      params: [clinic.id, id],
    }));
    expect(out.errors).toEqual([]);
    expect(new Set(out.ok.map((r) => r.id)).size).toBe(1);
    const { rows } = await testPool().query("select count(*)::int as n from public.visits where appointment_id = $1", [
      id,
    ]);
    expect(rows[0]).toEqual({ n: 1 });
  });

  it("refuses a cancelled appointment and another clinic's appointment", async () => {
    const cancelled = await appointment(alice, "cancelled");
    const e = await errorOf(as(vet, (db) => openVisit(db, clinic.id, { appointmentId: cancelled })));
    expect([e.code, e.fields]).toEqual(["APPOINTMENT_NOT_OPEN", { appointmentId: [expect.any(String)] }]);
    const mine = await appointment(alice);
    expect((await errorOf(as(otherVet, (db) => openVisit(db, other.id, { appointmentId: mine })))).code).toBe(
      "APPOINTMENT_NOT_FOUND",
    );
    expect((await errorOf(as(otherVet, (db) => openVisit(db, clinic.id, { appointmentId: mine })))).code).toBe(
      "FORBIDDEN",
    );
  });

  it("refuses a walk-in for another clinic's pet", async () => {
    const e = await errorOf(as(otherVet, (db) => openVisit(db, other.id, { petId: alice.petId })));
    expect([e.code, Object.keys(e.fields ?? {})]).toEqual(["PET_NOT_FOUND", ["petId"]]);
  });
});

describe("writing a visit", () => {
  it("records weight in the pet's history and current weight, and prices a service from the service", async () => {
    const visit = await as(vet, (db) => openVisit(db, clinic.id, { petId: bob.petId }));
    const scope = { clinicId: clinic.id, visitId: visit.id };
    await as(vet, (db) => updateVisit(db, scope, { weightKg: 8.25, heartRateBpm: 110, respiratoryRate: 24 }));
    const weights = await as(vet, (db) => listPetWeights(db, { clinicId: clinic.id, petId: bob.petId }));
    expect(weights.map((w) => [w.visitId, w.weightKg])).toEqual([[visit.id, 8.25]]);
    const pet = await testPool().query("select weight_grams from public.pets where id = $1", [bob.petId]);
    expect(pet.rows[0]).toEqual({ weight_grams: 8250 });
    const charge = await as(vet, (db) =>
      addVisitCharge(db, scope, { kind: "service", serviceId: service.id, quantity: 2 }),
    );
    expect([charge.unitPriceCents, charge.description, charge.quantity]).toEqual([4500, "Consultation", 2]);
    const free = await as(vet, (db) =>
      addVisitCharge(db, scope, { kind: "product", description: "Bandage", unitPriceCents: 350 }),
    );
    await as(vet, (db) => removeVisitCharge(db, scope, free.id));
    expect((await as(vet, (db) => getVisit(db, scope))).charges.map((c) => c.description)).toEqual(["Consultation"]);
  });

  it("rejects vitals outside sane ranges in the database too", async () => {
    const visit = await as(vet, (db) => openVisit(db, clinic.id, { petId: bob.petId }));
    const e = await errorOf(
      as(vet, (db) => updateVisit(db, { clinicId: clinic.id, visitId: visit.id }, { temperatureC: 60 })),
    );
    expect(Object.keys(e.fields ?? {})).toEqual(["temperatureC"]);
    await expect(
      testPool().query("update public.visits set heart_rate_bpm = 5000 where id = $1", [visit.id]),
    ).rejects.toThrow(/check constraint/);
  });

  it("lets a receptionist open and read a visit but not write notes or charges", async () => {
    const visit = await as(receptionist, (db) => openVisit(db, clinic.id, { petId: bob.petId }));
    const scope = { clinicId: clinic.id, visitId: visit.id };
    expect((await errorOf(as(receptionist, (db) => updateVisit(db, scope, { subjective: "x" })))).code).toBe(
      "FORBIDDEN",
    );
    expect(
      (
        await errorOf(
          as(receptionist, (db) => addVisitCharge(db, scope, { kind: "other", description: "x", unitPriceCents: 1 })),
        )
      ).code,
    ).toBe("FORBIDDEN");
    expect((await errorOf(as(receptionist, (db) => finalizeVisit(db, scope)))).code).toBe("FORBIDDEN");
  });
});

describe("a finalized visit", () => {
  it("refuses every change through the app's paths", async () => {
    const scope = await signedVisit();
    expect((await errorOf(as(vet, (db) => updateVisit(db, scope, { summary: "changed" })))).code).toBe(
      "VISIT_FINALIZED",
    );
    expect((await errorOf(as(vet, (db) => updateVisit(db, scope, { plan: "changed" })))).code).toBe("VISIT_FINALIZED");
    expect(
      (
        await errorOf(
          as(vet, (db) => addVisitCharge(db, scope, { kind: "other", description: "x", unitPriceCents: 1 })),
        )
      ).code,
    ).toBe("VISIT_FINALIZED");
    const [charge] = (await as(vet, (db) => getVisit(db, scope))).charges;
    expect((await errorOf(as(vet, (db) => removeVisitCharge(db, scope, charge!.id)))).code).toBe("VISIT_FINALIZED");
    const detail = await as(vet, (db) => getVisit(db, scope));
    expect([detail.notes?.subjective, detail.visit.summary, detail.addenda.length]).toEqual([
      SOAP,
      "Rest for a week.",
      1,
    ]);
  });

  it("refuses direct updates and deletes as the table owner, on the visit and on its notes, charges, weight and addenda", async () => {
    const { visitId } = await signedVisit();
    const attempts = [
      ["update public.visits set summary = 'x' where id = $1", /visit_finalized/],
      ["update public.visits set temperature_c = 39 where id = $1", /visit_finalized/],
      ["delete from public.visits where id = $1", /visit_finalized/],
      ["update public.visit_notes set subjective = 'x' where visit_id = $1", /visit_finalized/],
      ["delete from public.visit_notes where visit_id = $1", /visit_finalized/],
      ["update public.visit_charges set quantity = 9 where visit_id = $1", /visit_finalized/],
      ["delete from public.visit_charges where visit_id = $1", /visit_finalized/],
      [
        "insert into public.visit_charges (clinic_id, visit_id, kind, description, unit_price_cents) select clinic_id, id, 'other', 'x', 1 from public.visits where id = $1",
        /visit_finalized/,
      ],
      ["update public.pet_weights set weight_grams = 1 where visit_id = $1", /visit_finalized/],
      ["delete from public.pet_weights where visit_id = $1", /visit_finalized/],
      ["update public.visit_addenda set body = 'x' where visit_id = $1", /addenda_append_only/],
      ["delete from public.visit_addenda where visit_id = $1", /addenda_append_only/],
    ] as const;
    for (const [sql, error] of attempts) await expect(testPool().query(sql, [visitId]), sql).rejects.toThrow(error);
    const { rows } = await testPool().query(
      "select (select count(*) from public.visit_charges where visit_id = $1)::int as charges, (select count(*) from public.pet_weights where visit_id = $1)::int as weights",
      [visitId],
    );
    expect(rows[0]).toEqual({ charges: 1, weights: 1 });
  });

  it("refuses direct writes as a signed-in clinician (no grant, or the guard)", async () => {
    const { visitId } = await signedVisit();
    for (const sql of [
      "update public.visits set summary = 'x' where id = $1",
      "update public.visit_notes set subjective = 'x' where visit_id = $1",
      "delete from public.visit_charges where visit_id = $1",
      "delete from public.visits where id = $1",
      "update public.visit_addenda set body = 'x' where visit_id = $1",
    ]) {
      await expect(
        as(vet, (db) => db.query(sql, [visitId])),
        sql,
      ).rejects.toThrow();
    }
  });

  it("makes a charge written while the visit is being signed wait for the signature, then refuses it", async () => {
    const visit = await as(vet, (db) => openVisit(db, clinic.id, { petId: bob.petId }));
    const signer = await openRacer(vet);
    const adder = await openRacer(vet);
    await signer.run("select id from public.finalize_visit(p_visit_id => $1)", [visit.id]);
    const pid = (await adder.run<{ pid: number }>("select pg_backend_pid() as pid"))[0]!.pid;
    let settled = false;
    const adding = adder
      .run(
        "insert into public.visit_charges (clinic_id, visit_id, kind, description, unit_price_cents) values ($1, $2, 'other', 'late', 1)",
        [clinic.id, visit.id],
      )
      .then(
        () => null,
        (e: Error) => e,
      )
      .finally(() => (settled = true));
    // until the insert either finished (no guard) or waits on the signer's row lock (the guard)
    for (let i = 0; i < 100 && !settled; i++) {
      const { rows } = await testPool().query("select wait_event_type from pg_stat_activity where pid = $1", [pid]);
      if ((rows[0] as { wait_event_type: string | null } | undefined)?.wait_event_type === "Lock") break;
      await new Promise((r) => setTimeout(r, 20));
    }
    await signer.finish(true);
    const error = await adding;
    await adder.finish(error === null);
    expect(error?.message).toMatch(/visit_finalized/);
    const { rows } = await testPool().query("select count(*)::int as n from public.visit_charges where visit_id = $1", [
      visit.id,
    ]);
    expect(rows[0]).toEqual({ n: 0 });
  });

  it("takes addenda only once signed", async () => {
    const visit = await as(vet, (db) => openVisit(db, clinic.id, { petId: bob.petId }));
    const e = await errorOf(
      as(vet, (db) => addVisitAddendum(db, { clinicId: clinic.id, visitId: visit.id }, { body: "x" })),
    );
    expect(e.code).toBe("VISIT_NOT_FINALIZED");
  });
});

describe("who reads clinical notes", () => {
  it("hides SOAP notes, diagnoses and addenda from receptionists unless the clinic allows it", async () => {
    const scope = await signedVisit();
    const before = await as(receptionist, (db) => getVisit(db, scope));
    expect([before.notes, before.addenda, before.visit.summary]).toEqual([null, [], "Rest for a week."]);
    const list = await as(receptionist, (db) => listPetVisits(db, { clinicId: clinic.id, petId: alice.petId }));
    expect(list.items.every((v) => v.diagnoses === null)).toBe(true);
    const direct = await as(receptionist, (db) =>
      db.query("select * from public.visit_notes where visit_id = $1", [scope.visitId]),
    );
    expect(direct.rowCount).toBe(0);
    // a receptionist cannot grant it to themselves
    expect(
      (
        await errorOf(
          as(receptionist, (db) => updateClinicalNotesAccess(db, clinic.id, { receptionistsReadClinicalNotes: true })),
        )
      ).code,
    ).toBe("FORBIDDEN");
    await as(clinic.owner, (db) => updateClinicalNotesAccess(db, clinic.id, { receptionistsReadClinicalNotes: true }));
    try {
      const after = await as(receptionist, (db) => getVisit(db, scope));
      expect([after.notes?.subjective, after.addenda.length]).toEqual([SOAP, 1]);
    } finally {
      await as(clinic.owner, (db) =>
        updateClinicalNotesAccess(db, clinic.id, { receptionistsReadClinicalNotes: false }),
      );
    }
  });

  it("gives a client only the shared summaries of their own pet's signed visits, and no row of any visit table", async () => {
    await signedVisit({ shared: true });
    await signedVisit({ shared: false });
    const open = await as(vet, (db) => openVisit(db, clinic.id, { petId: alice.petId }));
    await as(vet, (db) =>
      updateVisit(db, { clinicId: clinic.id, visitId: open.id }, { summary: "draft", sharedWithClient: true }),
    );
    const mine = await as(alice.user, (db) =>
      listSharedVisitSummaries(db, { clinicId: clinic.id, petId: alice.petId }),
    );
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((s) => s.summary === "Rest for a week.")).toBe(true);
    expect(Object.keys(mine[0]!).sort()).toEqual([
      "dischargeInstructions",
      "startedAt",
      "summary",
      "vetName",
      "visitId",
    ]);
    expect(
      await as(bob.user, (db) => listSharedVisitSummaries(db, { clinicId: clinic.id, petId: alice.petId })),
    ).toEqual([]);
    for (const t of tables) {
      const r = await as(alice.user, (db) => db.query(`select * from public.${t}`));
      expect(r.rowCount, t).toBe(0);
    }
    expect((await errorOf(as(alice.user, (db) => getVisit(db, { clinicId: clinic.id, visitId: open.id })))).code).toBe(
      "NOT_FOUND",
    );
  });
});

describe("tenant isolation", () => {
  it("keeps every visit table out of another clinic's staff's reach", async () => {
    const scope = await signedVisit();
    const open = await as(vet, (db) => openVisit(db, clinic.id, { petId: alice.petId }));
    const openScope = { clinicId: clinic.id, visitId: open.id };
    for (const t of tables) {
      const r = await as(otherVet, (db) => db.query(`select * from public.${t} where clinic_id = $1`, [clinic.id]));
      expect(r.rowCount, t).toBe(0);
    }
    expect((await errorOf(as(otherVet, (db) => getVisit(db, scope)))).code).toBe("NOT_FOUND");
    expect((await errorOf(as(otherVet, (db) => updateVisit(db, openScope, { plan: "x" })))).code).toBe("NOT_FOUND");
    expect((await errorOf(as(otherVet, (db) => finalizeVisit(db, openScope)))).code).toBe("NOT_FOUND");
    expect(
      (
        await errorOf(
          as(otherVet, (db) => addVisitCharge(db, openScope, { kind: "other", description: "x", unitPriceCents: 1 })),
        )
      ).code,
    ).toBe("FORBIDDEN");
    // naming their own clinic with our visit id does not reach it either
    const cross = { clinicId: other.id, visitId: open.id };
    expect(
      (
        await errorOf(
          as(otherVet, (db) => addVisitCharge(db, cross, { kind: "other", description: "x", unitPriceCents: 1 })),
        )
      ).code,
    ).toBe("NOT_FOUND");
    expect((await errorOf(as(otherVet, (db) => addVisitAddendum(db, cross, { body: "x" })))).code).toBe("NOT_FOUND");
    expect((await as(otherVet, (db) => listPetVisits(db, { clinicId: clinic.id, petId: alice.petId }))).items).toEqual(
      [],
    );
    expect(await as(otherVet, (db) => listPetWeights(db, { clinicId: clinic.id, petId: alice.petId }))).toEqual([]);
    expect(
      await as(otherVet, (db) => listSharedVisitSummaries(db, { clinicId: clinic.id, petId: alice.petId })),
    ).toEqual([]);
    const still = await testPool().query("select plan from public.visit_notes where visit_id = $1", [open.id]);
    expect(still.rows[0]).toEqual({ plan: null });
  });
});
