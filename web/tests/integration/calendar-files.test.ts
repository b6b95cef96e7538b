// The .ics files Vete sends (booking, reschedule and cancel emails) and serves (the "add to my calendar"
// download), read back with a real iCalendar parser: one event with the right times, UID and SEQUENCE, and
// the scheduling properties RFC 5546 (iTIP) requires for the file's METHOD (the clinic as ORGANIZER, the client
// as ATTENDEE), or PUBLISH when the clinic or the client has no email to put there.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bookAppointment } from "@/lib/appointments/book-appointment";
import { cancelAppointment } from "@/lib/appointments/cancel-appointment";
import { getAppointmentCalendarFile } from "@/lib/appointments/get-appointment-calendar-file";
import { rescheduleAppointment } from "@/lib/appointments/reschedule-appointment";
import { withUser } from "@/lib/db/context";
import { closePool } from "@/lib/db/pool";
import {
  createPetOwner,
  createService,
  createVet,
  localDateFromToday,
  localInstant,
  type TestOwner,
} from "../helpers/appointment-factories";
import {
  closeTestPool,
  createClient,
  createClinic,
  createPet,
  createUser,
  testPool,
  type TestClinic,
} from "../helpers/factories";
import { parseInvitation } from "../helpers/itip";

const TZ = "Europe/Madrid";
let clinic: TestClinic;
let owner: TestOwner;
let serviceId: string;
let vetId: string;

const CLINIC_EMAIL = "desk@sol.vete.test";

beforeAll(async () => {
  clinic = await createClinic({ timeZone: TZ, name: "Vete Sol", email: CLINIC_EMAIL });
  serviceId = (await createService(clinic.id, { name: "Check-up", durationMinutes: 30 })).id;
  vetId = (await createVet(clinic.id, { serviceIds: [serviceId], name: "Dr Luz Mar" })).userId;
  owner = await createPetOwner(clinic.id);
});

afterAll(async () => {
  await closePool();
  await closeTestPool();
});

async function mailedIcs(dedupeKey: string): Promise<string> {
  const { rows } = await testPool().query<{ attachments: { content: string }[] }>(
    "select attachments from public.outbox_messages where dedupe_key = $1",
    [dedupeKey],
  );
  const content = rows[0]?.attachments[0]?.content;
  if (!content) throw new Error(`no .ics mailed for ${dedupeKey}`);
  return content;
}

async function mailedContentType(dedupeKey: string): Promise<string | undefined> {
  const { rows } = await testPool().query<{ attachments: { content_type: string }[] }>(
    "select attachments from public.outbox_messages where dedupe_key = $1",
    [dedupeKey],
  );
  return rows[0]?.attachments[0]?.content_type;
}

async function bookedAndChanged() {
  const date = await localDateFromToday(TZ, 6);
  const first = await localInstant(TZ, date, "10:00");
  const moved = await localInstant(TZ, date, "11:00");
  const appt = await withUser(owner.user, (db) =>
    bookAppointment(db, clinic.id, { petId: owner.petId, serviceId, vetId, startsAt: first.toISOString() }),
  );
  const booked = await mailedIcs(`appointment.booked:${appt.id}`);
  const download = await withUser(owner.user, (db) => getAppointmentCalendarFile(db, clinic.id, appt.id));
  const r = await withUser(owner.user, (db) => rescheduleAppointment(db, appt.id, { startsAt: moved.toISOString() }));
  const rescheduled = await mailedIcs(`appointment.rescheduled:${r.id}:${r.sequence}`);
  await withUser(owner.user, (db) => cancelAppointment(db, r.id, { reason: "Plans changed" }));
  const cancelled = await mailedIcs(`appointment.cancelled:${r.id}`);
  const cancelledDownload = await withUser(owner.user, (db) => getAppointmentCalendarFile(db, clinic.id, r.id));
  return { appt, rescheduledId: r.id, first, moved, booked, download, rescheduled, cancelled, cancelledDownload };
}

let files: Awaited<ReturnType<typeof bookedAndChanged>>;
beforeAll(async () => {
  files = await bookedAndChanged();
});

describe("calendar files read by an iCalendar parser", () => {
  it("mails one event with the booked times and SEQUENCE 0, then the moved times and a higher SEQUENCE", () => {
    const booked = parseInvitation(files.booked);
    expect(booked).toMatchObject({ method: "REQUEST", uid: files.appt.id, sequence: 0, status: "CONFIRMED" });
    expect(booked.start).toEqual(files.first);
    expect(booked.end.getTime() - booked.start.getTime()).toBe(30 * 60_000);
    expect(booked.summary).toContain("Check-up");

    const rescheduled = parseInvitation(files.rescheduled);
    expect(rescheduled).toMatchObject({ method: "REQUEST", uid: files.rescheduledId, status: "CONFIRMED" });
    expect(rescheduled.start).toEqual(files.moved);
    expect(rescheduled.sequence).toBeGreaterThan(booked.sequence);
  });

  it("mails a cancellation as METHOD:CANCEL with STATUS:CANCELLED for the same UID", () => {
    const cancelled = parseInvitation(files.cancelled);
    const rescheduled = parseInvitation(files.rescheduled);
    expect(cancelled).toMatchObject({ method: "CANCEL", uid: files.rescheduledId, status: "CANCELLED" });
    expect(cancelled.sequence).toBeGreaterThan(rescheduled.sequence);
  });

  it("serves the download as a file to import (PUBLISH), and as CANCEL once cancelled", () => {
    expect(parseInvitation(files.download)).toMatchObject({ method: "PUBLISH", uid: files.appt.id, sequence: 0 });
    expect(parseInvitation(files.cancelledDownload)).toMatchObject({ method: "CANCEL", status: "CANCELLED" });
  });

  it("the checker itself flags an invitation without ORGANIZER and ATTENDEE", () => {
    const bare = [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//test//EN",
      "METHOD:REQUEST",
      "BEGIN:VEVENT",
      "UID:x",
      "DTSTAMP:20261201T100000Z",
      "DTSTART:20261201T100000Z",
      "DTEND:20261201T103000Z",
      "SUMMARY:x",
      "END:VEVENT",
      "END:VCALENDAR",
      "",
    ].join("\r\n");
    expect(parseInvitation(bare).itipProblems).toEqual(["attendee", "organizer"]);
  });

  it("carries the ORGANIZER (the clinic) and ATTENDEE (the client) that iTIP requires for each METHOD", () => {
    for (const ics of [files.booked, files.rescheduled, files.cancelled, files.cancelledDownload]) {
      const parsed = parseInvitation(ics);
      expect(parsed.itipProblems).toEqual([]);
      expect(parsed).toMatchObject({ organizer: `mailto:${CLINIC_EMAIL}`, organizerName: "Vete Sol" });
      expect(parsed.attendees).toEqual([`mailto:${owner.user.email}`]);
      expect(parsed.attendeeParameters).toEqual([
        { cn: owner.user.name, role: "REQ-PARTICIPANT", partstat: "ACCEPTED", rsvp: "FALSE" },
      ]);
    }
  });

  it("gives the PUBLISH download the clinic as ORGANIZER and no ATTENDEE", () => {
    const download = parseInvitation(files.download);
    expect(download).toMatchObject({ method: "PUBLISH", organizer: `mailto:${CLINIC_EMAIL}`, itipProblems: [] });
    expect(download.attendees).toEqual([]);
  });

  it("labels each mailed attachment with the METHOD inside it", async () => {
    expect(await mailedContentType(`appointment.booked:${files.appt.id}`)).toBe(
      "text/calendar; charset=utf-8; method=REQUEST",
    );
    expect(await mailedContentType(`appointment.cancelled:${files.rescheduledId}`)).toBe(
      "text/calendar; charset=utf-8; method=CANCEL",
    );
  });
});

describe("calendar files when an organizer or attendee has no email", () => {
  it("mails PUBLISH without ORGANIZER or ATTENDEE for a clinic with no email, keeping STATUS", async () => {
    const bare = await createClinic({ timeZone: TZ, name: "Vete Sin Correo" });
    const svc = (await createService(bare.id, { durationMinutes: 30 })).id;
    const vet = (await createVet(bare.id, { serviceIds: [svc] })).userId;
    const client = await createPetOwner(bare.id);
    const start = await localInstant(TZ, await localDateFromToday(TZ, 6), "10:00");
    const appt = await withUser(client.user, (db) =>
      bookAppointment(db, bare.id, { petId: client.petId, serviceId: svc, vetId: vet, startsAt: start.toISOString() }),
    );
    await withUser(client.user, (db) => cancelAppointment(db, appt.id, { reason: "Plans changed" }));
    const booked = parseInvitation(await mailedIcs(`appointment.booked:${appt.id}`));
    const cancelled = parseInvitation(await mailedIcs(`appointment.cancelled:${appt.id}`));
    const download = parseInvitation(
      await withUser(client.user, (db) => getAppointmentCalendarFile(db, bare.id, appt.id)),
    );
    expect(booked).toMatchObject({ method: "PUBLISH", status: "CONFIRMED", organizer: null, attendees: [] });
    expect(cancelled).toMatchObject({ method: "PUBLISH", status: "CANCELLED", organizer: null, attendees: [] });
    expect(download).toMatchObject({ method: "PUBLISH", status: "CANCELLED", organizer: null, attendees: [] });
    expect(await mailedContentType(`appointment.booked:${appt.id}`)).toBe(
      "text/calendar; charset=utf-8; method=PUBLISH",
    );
    expect(await mailedContentType(`appointment.cancelled:${appt.id}`)).toBe(
      "text/calendar; charset=utf-8; method=PUBLISH",
    );
  });

  it("builds the file with no emails under custom plans (the planner folds calls on null constants early)", async () => {
    // A session's first calls of a SQL function get custom plans, where the null email is a constant the planner
    // folds into the line-building calls before any filter runs; forcing custom plans makes that happen here.
    const db = await testPool().connect();
    try {
      await db.query("set plan_cache_mode = force_custom_plan");
      const { rows } = await db.query<{ ics: string }>(
        `select private.ics_event(gen_random_uuid(), 0, 'REQUEST', now(), now(), now() + interval '30 minutes',
           'Check-up', 'Vete', null, 'Vete', null, 'Ann', null) as ics`,
      );
      expect(parseInvitation(rows[0]!.ics)).toMatchObject({ method: "PUBLISH", organizer: null, attendees: [] });
    } finally {
      await db.query("reset plan_cache_mode");
      db.release();
    }
  });

  it("serves a cancelled appointment of a client with no email as PUBLISH (a CANCEL needs an attendee)", async () => {
    const client = await createClient(clinic.id, { user: null });
    const pet = await createPet(clinic.id, client.id);
    const start = await localInstant(TZ, await localDateFromToday(TZ, 7), "12:00");
    const appt = await withUser(clinic.owner, (db) =>
      bookAppointment(db, clinic.id, { petId: pet.id, serviceId, vetId, startsAt: start.toISOString() }),
    );
    await withUser(clinic.owner, (db) => cancelAppointment(db, appt.id, { reason: "Vet is ill" }));
    const download = parseInvitation(
      await withUser(clinic.owner, (db) => getAppointmentCalendarFile(db, clinic.id, appt.id)),
    );
    expect(download).toMatchObject({ method: "PUBLISH", status: "CANCELLED", organizer: `mailto:${CLINIC_EMAIL}` });
    expect(download.attendees).toEqual([]);
  });
});

describe("names in calendar files", () => {
  it("quotes the CN names and drops what would break the line; long lines fold at 75 octets", async () => {
    const longName = `Clínica Veterinaria "Sol" ^n del Norte; Norte, Sur y Este 🐾 ${"ñ".repeat(30)}`;
    const odd = await createClinic({ timeZone: TZ, name: longName, email: "front-desk@norte.vete.test" });
    const svc = (await createService(odd.id, { durationMinutes: 30 })).id;
    const vet = (await createVet(odd.id, { serviceIds: [svc] })).userId;
    const user = await createUser({ name: 'Ann "Nan" O^Neil\r\nATTENDEE:mailto:intruder@example.test' });
    const client = await createClient(odd.id, {
      user,
      name: 'Ann "Nan" O^Neil\r\nATTENDEE:mailto:intruder@example.test',
    });
    const pet = await createPet(odd.id, client.id);
    const start = await localInstant(TZ, await localDateFromToday(TZ, 6), "10:00");
    const appt = await withUser(user, (db) =>
      bookAppointment(db, odd.id, { petId: pet.id, serviceId: svc, vetId: vet, startsAt: start.toISOString() }),
    );
    const ics = await mailedIcs(`appointment.booked:${appt.id}`);
    const parsed = parseInvitation(ics);
    expect(parsed.itipProblems).toEqual([]);
    expect(parsed.organizerName).toBe(longName.replaceAll('"', ""));
    expect(parsed.attendees).toEqual([`mailto:${user.email}`]);
    expect(parsed.attendeeParameters[0]?.cn).toBe("Ann Nan O^NeilATTENDEE:mailto:intruder@example.test");
    expect(ics.split("\r\n").every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    expect(ics).toMatch(/\r\nORGANIZER;CN="[^\r]*\r\n /); // the ORGANIZER line itself was folded
  });
});
