// The .ics files Vete sends (booking, reschedule and cancel emails) and serves (the "add to my calendar"
// download), read back with a real iCalendar parser: one event with the right times, UID and SEQUENCE, and
// the scheduling properties RFC 5546 (iTIP) requires for the file's METHOD.
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
import { closeTestPool, createClinic, testPool, type TestClinic } from "../helpers/factories";
import { parseInvitation } from "../helpers/itip";

const TZ = "Europe/Madrid";
let clinic: TestClinic;
let owner: TestOwner;
let serviceId: string;
let vetId: string;

beforeAll(async () => {
  clinic = await createClinic({ timeZone: TZ, name: "Vete Sol" });
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

  // Known gap: the files are built in SQL (private.ics_event / private.appointment_ics) and carry no ORGANIZER
  // or ATTENDEE yet; the SQL change is proposed to the migrations owner. `it.fails` turns red the moment the
  // files are fixed, so the marker is removed together with the gap.
  it.fails("carries the ORGANIZER (the clinic) and ATTENDEE (the client) that iTIP requires for each METHOD", () => {
    for (const ics of [files.booked, files.rescheduled, files.cancelled, files.download, files.cancelledDownload]) {
      const parsed = parseInvitation(ics);
      expect(parsed.itipProblems).toEqual([]);
      expect(parsed.attendees).toEqual([`mailto:${owner.user.email}`]);
    }
  });
});
