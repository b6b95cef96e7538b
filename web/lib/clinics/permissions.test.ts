import { describe, expect, it } from "vitest";
import {
  actingClientId,
  actions,
  can,
  canEditScheduleOf,
  canRemoveMember,
  clinicRoles,
  invitableRoles,
  performsServices,
  requireCan,
  roleCan,
  type Action,
  type ClinicRole,
} from "./permissions";

// The expected table, written out by hand (not derived from the module) so a change to a rule must change
// this file too. Columns: owner, admin, vet, receptionist, client.
const Y = true;
const N = false;
const expected: Record<Action, [boolean, boolean, boolean, boolean, boolean]> = {
  "clinic.read": [Y, Y, Y, Y, N],
  "clinic.editSettings": [Y, Y, N, N, N],
  "bookingRules.read": [Y, Y, Y, Y, Y],
  "bookingRules.edit": [Y, Y, N, N, N],
  "reminders.read": [Y, Y, Y, Y, N],
  "reminders.edit": [Y, Y, N, N, N],
  "services.read": [Y, Y, Y, Y, Y],
  "services.readAll": [Y, Y, Y, Y, N],
  "services.edit": [Y, Y, N, N, N],
  "team.read": [Y, Y, Y, Y, N],
  "team.manage": [Y, Y, N, N, N],
  "clients.manage": [Y, Y, Y, Y, N],
  "profile.useOwn": [N, N, N, N, Y],
  "appointments.use": [Y, Y, Y, Y, Y],
  "appointments.actForAnyClient": [Y, Y, Y, Y, N],
  "appointments.readCalendar": [Y, Y, Y, Y, N],
  "appointments.setStatus": [Y, Y, Y, Y, N],
  "bookingRequests.create": [Y, Y, Y, Y, Y],
  "bookingRequests.manage": [Y, Y, Y, Y, N],
  "pets.use": [Y, Y, Y, Y, Y],
  "pets.actForAnyClient": [Y, Y, Y, Y, N],
  "schedules.read": [Y, Y, Y, Y, N],
  "schedules.editOwn": [Y, Y, Y, Y, N],
  "schedules.editAny": [Y, Y, N, Y, N],
  "jobs.read": [Y, N, N, N, N],
  "visits.open": [Y, Y, Y, Y, N],
  "visits.read": [Y, Y, Y, Y, N],
  "visits.write": [Y, Y, Y, N, N],
  "visits.readShared": [Y, Y, Y, Y, Y],
  "prescriptions.read": [Y, Y, Y, Y, N],
  "prescriptions.prescribe": [N, N, Y, N, N],
  "prescriptions.dispense": [Y, Y, Y, Y, N],
  "vaccinations.read": [Y, Y, Y, Y, N],
  "vaccinations.record": [Y, Y, Y, N, N],
  "vaccines.manage": [Y, Y, Y, N, N],
  "billing.use": [Y, Y, Y, Y, N],
  "billing.manage": [Y, Y, N, N, N],
  "invoices.readOwn": [N, N, N, N, Y],
};
const columns: ClinicRole[] = ["owner", "admin", "vet", "receptionist", "client"];

describe("role x action table", () => {
  it("lists every action of the module, and nothing else", () => {
    expect([...actions].sort()).toEqual(Object.keys(expected).sort());
    expect([...clinicRoles].sort()).toEqual([...columns].sort());
  });

  for (const action of Object.keys(expected) as Action[]) {
    for (const [i, role] of columns.entries()) {
      const allowed = expected[action][i];
      it(`${allowed ? "lets" : "refuses"} ${role} ${action}`, () => {
        expect(roleCan(role, action)).toBe(allowed);
        const who = role === "client" ? { role: null, clientId: "c1" } : { role, clientId: null };
        expect(can(who, action)).toBe(allowed);
        if (allowed) expect(() => requireCan(who, action)).not.toThrow();
        else expect(() => requireCan(who, action)).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
      });
    }
  }

  it("refuses a signed-in stranger (no role, no client record) everything", () => {
    for (const action of actions) expect(can({ role: null, clientId: null }, action)).toBe(false);
  });

  it("lets a staff member who is also a client do what either may", () => {
    const both = { role: "vet" as const, clientId: "c1" };
    expect(can(both, "profile.useOwn")).toBe(true);
    expect(can(both, "appointments.setStatus")).toBe(true);
    expect(can(both, "team.manage")).toBe(false);
  });
});

describe("actingClientId", () => {
  const client = { role: null, clientId: "mine" };
  it("lets staff name any client, or none", () => {
    expect(actingClientId({ role: "receptionist", clientId: null }, "theirs", "pets.actForAnyClient")).toBe("theirs");
    expect(actingClientId({ role: "vet", clientId: null }, undefined, "appointments.actForAnyClient")).toBeNull();
  });
  it("makes a client act for themselves when they name no one or themselves", () => {
    expect(actingClientId(client, undefined, "pets.actForAnyClient")).toBe("mine");
    expect(actingClientId(client, null, "appointments.actForAnyClient")).toBe("mine");
    expect(actingClientId(client, "mine", "appointments.actForAnyClient")).toBe("mine");
  });
  it("refuses a client naming someone else with FORBIDDEN on clientId", () => {
    expect(() => actingClientId(client, "theirs", "pets.actForAnyClient")).toThrow(
      expect.objectContaining({ code: "FORBIDDEN", status: 403, fields: { clientId: [expect.any(String)] } }),
    );
  });
});

describe("team rules", () => {
  it("lets only an owner invite an owner, and non-managers invite no one", () => {
    expect(invitableRoles("owner")).toEqual(["vet", "receptionist", "admin", "owner"]);
    expect(invitableRoles("admin")).toEqual(["vet", "receptionist", "admin"]);
    expect(invitableRoles("vet")).toEqual([]);
    expect(invitableRoles("receptionist")).toEqual([]);
    expect(invitableRoles(null)).toEqual([]);
  });

  it("lets managers remove others, only owners remove owners, and nobody removes themselves", () => {
    const owner = { role: "owner" as const, userId: "o" };
    const admin = { role: "admin" as const, userId: "a" };
    const vet = { role: "vet" as const, userId: "v" };
    const otherOwner = { role: "owner" as const, userId: "o2" };
    expect(canRemoveMember(owner, vet)).toBe(true);
    expect(canRemoveMember(owner, otherOwner)).toBe(true);
    expect(canRemoveMember(admin, vet)).toBe(true);
    expect(canRemoveMember(admin, otherOwner)).toBe(false);
    expect(canRemoveMember(owner, owner)).toBe(false);
    expect(canRemoveMember(vet, admin)).toBe(false);
    expect(canRemoveMember({ role: null, userId: "x" }, vet)).toBe(false);
  });
});

describe("schedule rules", () => {
  it("lets owners, admins and receptionists edit anyone's schedule and a vet only their own", () => {
    for (const role of ["owner", "admin", "receptionist"] as const)
      expect(canEditScheduleOf({ role, userId: "me" }, "someone")).toBe(true);
    expect(canEditScheduleOf({ role: "vet", userId: "me" }, "me")).toBe(true);
    expect(canEditScheduleOf({ role: "vet", userId: "me" }, "someone")).toBe(false);
    expect(canEditScheduleOf({ role: null, userId: "me" }, "me")).toBe(false);
  });

  it("gives receptionists no schedule of their own", () => {
    expect(performsServices("receptionist")).toBe(false);
    for (const role of ["owner", "admin", "vet"] as const) expect(performsServices(role)).toBe(true);
  });
});
