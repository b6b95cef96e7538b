// Dates and times in the clinic's time zone (never the browser's or the server's), for server and client
// components alike.

/** The local calendar date (YYYY-MM-DD) of an instant in a zone. */
export function localDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

/** A calendar date plus n days (pure date arithmetic, no zone involved). */
export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** ISO weekday of a calendar date: 1 = Monday .. 7 = Sunday. */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

export function formatTime(at: Date | string, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(
    new Date(at),
  );
}

/** "Mon 3 Dec" style label of a calendar date. */
export function formatDay(date: string, locale: string, style: "short" | "long" = "short"): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: "UTC",
    weekday: style,
    day: "numeric",
    month: style,
    ...(style === "long" ? { year: "numeric" } : {}),
  }).format(new Date(`${date}T12:00:00Z`));
}

/** "Tue 3 Dec, 10:30" for an instant in the clinic's zone. */
export function formatWhen(at: Date | string, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(new Date(at));
}

/** ISO instants [now - back days, now + ahead days), for list windows. */
export function windowAroundNow(backDays: number, aheadDays: number): { from: string; to: string } {
  const now = new Date().getTime();
  return {
    from: new Date(now - backDays * 86_400_000).toISOString(),
    to: new Date(now + aheadDays * 86_400_000).toISOString(),
  };
}
