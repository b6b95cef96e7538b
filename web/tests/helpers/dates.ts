// Every date and instant a test needs comes from here, so that suites pass on any weekday and at any hour
// (documentation/testing.md keeps the shifted-clock command that proves it). Nothing depends on which day
// today is: dates tied to a weekday come from one anchor week, a whole Monday-to-Sunday week that starts
// 8 to 14 days ahead, so its days are always in the future and always in weekday order.
// Pure functions of the current clock: usable from Vitest and Playwright alike.

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Today's calendar date in a zone (UTC unless given), as YYYY-MM-DD. */
export function today(timeZone = "UTC"): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    new Date(),
  );
}

/** The calendar date `days` after `date` (both YYYY-MM-DD; plain calendar arithmetic, no zone involved). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** The date `days` after today in the zone (negative for the past). */
export function daysFromToday(days: number, timeZone = "UTC"): string {
  return addDays(today(timeZone), days);
}

/** ISO weekday of a date: 1 = Monday ... 7 = Sunday. */
export function isoWeekdayOf(date: string): number {
  return ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
}

/** The first date on or after `date` that falls on the ISO weekday. */
export function onOrAfter(date: string, isoWeekday: number): string {
  return addDays(date, (isoWeekday - isoWeekdayOf(date) + 7) % 7);
}

/** Monday of the anchor week (the first week starting 8+ days after today in the zone), plus `weeksAhead` weeks. */
export function anchorWeekStart(weeksAhead = 0, timeZone = "UTC"): string {
  return addDays(onOrAfter(daysFromToday(8, timeZone), 1), 7 * weeksAhead);
}

/** A day of the anchor week by ISO weekday (1 = Monday ... 7 = Sunday): always ahead, and in weekday order. */
export function anchorDay(isoWeekday: number, weeksAhead = 0, timeZone = "UTC"): string {
  return addDays(anchorWeekStart(weeksAhead, timeZone), isoWeekday - 1);
}

/** The instant `ms` milliseconds from now (negative for the past). */
export function fromNow(ms: number): Date {
  return new Date(Date.now() + ms);
}

/** The instant `ms` milliseconds after `at`. */
export function after(at: Date | string, ms: number): Date {
  return new Date(new Date(at).getTime() + ms);
}

/** A zone's UTC offset in minutes at an instant (e.g. -300 for New York in winter, 120 for Madrid in summer). */
export function utcOffsetMinutes(timeZone: string, at: Date): number {
  const name = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" })
    .formatToParts(at)
    .find((p) => p.type === "timeZoneName")?.value;
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? "");
  return m ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/**
 * The next daylight-saving switch of a zone on or after today + `minDaysAhead` (UTC dates): the date whose offset
 * at 12:00 UTC differs from the day before's, with both offsets. Right for zones that switch during the European
 * or American night (Madrid, New York); undefined if the zone has no switch in the next 400 days.
 */
export function nextOffsetChange(
  timeZone: string,
  minDaysAhead = 2,
): { date: string; offsetBefore: number; offsetAfter: number } | undefined {
  const noon = (date: string) => new Date(`${date}T12:00:00Z`);
  let date = daysFromToday(minDaysAhead);
  let before = utcOffsetMinutes(timeZone, noon(addDays(date, -1)));
  for (let i = 0; i < 400; i++, date = addDays(date, 1)) {
    const offset = utcOffsetMinutes(timeZone, noon(date));
    if (offset !== before) return { date, offsetBefore: before, offsetAfter: offset };
    before = offset;
  }
  return undefined;
}

/** The instant of a local wall-clock time (HH:MM) on a date, given the zone's UTC offset in minutes that day. */
export function localTimeAt(date: string, time: string, offsetMinutes: number): Date {
  return new Date(Date.parse(`${date}T${time}:00Z`) - offsetMinutes * MINUTE);
}

/** The calendar date (YYYY-MM-DD) of an instant in a zone, e.g. the clinic's day of a recorded payment. */
export function dayOf(instant: string | Date, timeZone = "UTC"): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    new Date(instant),
  );
}
