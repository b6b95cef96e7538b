// apiHandler refuses early, with 403 FORBIDDEN, exactly the roles lib/clinics/permissions refuses, and lets
// the others through to the use-case. Routes are called over HTTP with real sessions for each kind of person.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as clinicGet, PATCH as clinicPatch } from "@/app/api/clinics/[clinic]/route";
import { GET as clientsGet } from "@/app/api/clinics/[clinic]/clients/route";
import { GET as invitationsGet } from "@/app/api/clinics/[clinic]/invitations/route";
import { GET as meGet } from "@/app/api/clinics/[clinic]/me/route";
import { GET as remindersGet, PUT as remindersPut } from "@/app/api/clinics/[clinic]/reminder-settings/route";
import { closePool } from "@/lib/db/pool";
import { can, type Action, type Standing, type StaffRole } from "@/lib/clinics/permissions";
import { addStaff, closeTestPool, createClient, createClinic, testPool, type TestClinic } from "../helpers/factories";
import { call, signedIn, type Handler } from "../helpers/route-calls";

afterAll(async () => {
  await closePool();
  await closeTestPool();
});

type Person = StaffRole | "client" | "stranger";
const people: Person[] = ["owner", "admin", "vet", "receptionist", "client", "stranger"];
const cookies = new Map<Person, string>();
let clinic: TestClinic;

beforeAll(async () => {
  const owner = await signedIn();
  clinic = await createClinic({ owner });
  cookies.set("owner", owner.cookie);
  for (const role of ["admin", "vet", "receptionist"] as const) {
    const u = await signedIn();
    await addStaff(clinic.id, role, u);
    cookies.set(role, u.cookie);
  }
  const client = await signedIn();
  await createClient(clinic.id, { user: client });
  cookies.set("client", client.cookie);
  cookies.set("stranger", (await signedIn()).cookie);
});

function standing(p: Person): Standing {
  if (p === "client") return { role: null, clientId: "any" };
  if (p === "stranger") return { role: null, clientId: null };
  return { role: p, clientId: null };
}

const cases: { name: string; action: Action; handler: Handler; method: string; path: string; body?: unknown }[] = [
  { name: "GET /", action: "clinic.read", handler: clinicGet, method: "GET", path: "" },
  { name: "PATCH /", action: "clinic.editSettings", handler: clinicPatch, method: "PATCH", path: "", body: {} },
  { name: "GET /clients", action: "clients.manage", handler: clientsGet, method: "GET", path: "/clients" },
  { name: "GET /invitations", action: "team.manage", handler: invitationsGet, method: "GET", path: "/invitations" },
  { name: "GET /me", action: "profile.useOwn", handler: meGet, method: "GET", path: "/me" },
  {
    name: "GET /reminder-settings",
    action: "reminders.read",
    handler: remindersGet,
    method: "GET",
    path: "/reminder-settings",
  },
  {
    name: "PUT /reminder-settings",
    action: "reminders.edit",
    handler: remindersPut,
    method: "PUT",
    path: "/reminder-settings",
    body: { enabled: true, offsetsMinutes: [1440] },
  },
];

describe("apiHandler follows the role rules", () => {
  for (const c of cases) {
    it(`${c.name} (${c.action}): 403 for exactly the people the rules refuse`, async () => {
      const before = await testPool().query("select name from public.clinics where id = $1", [clinic.id]);
      for (const p of people) {
        const res = await call(c.handler, clinic.slug, c.method, c.path, cookies.get(p) ?? "", c.body);
        if (can(standing(p), c.action)) {
          // allowed: the use-case answers (an empty PATCH is its own 422, never a 403)
          expect(res.status, `${p} ${c.name}`).not.toBe(403);
          expect(res.status, `${p} ${c.name}`).toBeLessThan(500);
        } else {
          expect(res, `${p} ${c.name}`).toMatchObject({ status: 403, body: { error: { code: "FORBIDDEN" } } });
        }
      }
      const after = await testPool().query("select name from public.clinics where id = $1", [clinic.id]);
      expect(after.rows).toEqual(before.rows);
    });
  }

  it("lets the owner through on each route with a 2xx (the checks above are not all refusals)", async () => {
    expect((await call(clinicGet, clinic.slug, "GET", "", cookies.get("owner") ?? "")).status).toBe(200);
    expect((await call(invitationsGet, clinic.slug, "GET", "/invitations", cookies.get("owner") ?? "")).status).toBe(
      200,
    );
    expect((await call(meGet, clinic.slug, "GET", "/me", cookies.get("client") ?? "")).status).toBe(200);
  });
});
