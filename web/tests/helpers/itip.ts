// Reads an .ics file with a real iCalendar parser (ical.js) and lists what RFC 5546 (iTIP) requires of its
// METHOD that is missing, so a test sees the file as a calendar client would, not as lines of text.
import ICAL from "ical.js";

export interface ParsedInvitation {
  method: string | null;
  uid: string;
  sequence: number;
  status: string | null;
  start: Date;
  end: Date;
  summary: string;
  organizer: string | null;
  /** The organizer's CN parameter, as the parser decodes it. */
  organizerName: string | null;
  attendees: string[];
  /** Each ATTENDEE's parameters (CN, ROLE, PARTSTAT, RSVP), in file order. */
  attendeeParameters: { cn: unknown; role: unknown; partstat: unknown; rsvp: unknown }[];
  /** iTIP properties the METHOD requires but the file lacks (empty = acceptable to a scheduling client). */
  itipProblems: string[];
}

// RFC 5546 section 3.2: the VEVENT properties each METHOD must carry (ATTENDEE: at least one).
const required: Record<string, string[]> = {
  PUBLISH: ["dtstamp", "dtstart", "organizer", "summary", "uid"],
  REQUEST: ["attendee", "dtstamp", "dtstart", "organizer", "summary", "uid"],
  CANCEL: ["attendee", "dtstamp", "organizer", "sequence", "uid"],
};

export function parseInvitation(ics: string): ParsedInvitation {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const vevents = calendar.getAllSubcomponents("vevent");
  if (vevents.length !== 1) throw new Error(`expected one VEVENT, found ${vevents.length}`);
  const vevent = vevents[0] as ICAL.Component;
  const event = new ICAL.Event(vevent);
  const method = calendar.getFirstPropertyValue("method");
  const itipProblems =
    typeof method === "string"
      ? (required[method] ?? [`unknown METHOD ${method}`]).filter((p) => !vevent.hasProperty(p))
      : [];
  const organizer = vevent.getFirstPropertyValue("organizer");
  const organizerName = vevent.getFirstProperty("organizer")?.getParameter("cn");
  return {
    method: typeof method === "string" ? method : null,
    uid: event.uid,
    sequence: event.sequence,
    status: (vevent.getFirstPropertyValue("status") as string | null) ?? null,
    start: event.startDate.toJSDate(),
    end: event.endDate.toJSDate(),
    summary: event.summary,
    organizer: typeof organizer === "string" ? organizer : null,
    organizerName: typeof organizerName === "string" ? organizerName : null,
    attendees: event.attendees.map((a) => String(a.getFirstValue())),
    attendeeParameters: event.attendees.map((a) => ({
      cn: a.getParameter("cn"),
      role: a.getParameter("role"),
      partstat: a.getParameter("partstat"),
      rsvp: a.getParameter("rsvp"),
    })),
    itipProblems,
  };
}
