// IANA time zone names: a short list for the settings select, and validation of anything typed freely.
// Postgres is the final judge (clinics.time_zone check); this catches typos before the round trip.

/** Zones most clinics pick; any other valid IANA name can still be typed. */
export const commonTimeZones = [
  "Europe/Madrid",
  "Europe/Lisbon",
  "Europe/London",
  "Europe/Paris",
  "Europe/Berlin",
  "Atlantic/Canary",
  "America/Mexico_City",
  "America/Bogota",
  "America/Lima",
  "America/Santiago",
  "America/Argentina/Buenos_Aires",
  "America/Sao_Paulo",
  "America/Montevideo",
  "America/Caracas",
  "America/New_York",
  "America/Chicago",
  "America/Denver",
  "America/Los_Angeles",
  "UTC",
] as const;

let knownZones: Map<string, string> | undefined;

/**
 * The usual spelling of a zone Intl knows ("europe/madrid" -> "Europe/Madrid"), or null. Aliases Intl
 * accepts but does not list (e.g. "US/Eastern") are returned as typed; Postgres then has the last word.
 */
export function canonicalTimeZone(name: string): string | null {
  const trimmed = name.trim();
  if (!trimmed || !/^[A-Za-z0-9_+\-/]+$/.test(trimmed)) return null;
  knownZones ??= new Map([...Intl.supportedValuesOf("timeZone"), ...commonTimeZones].map((z) => [z.toLowerCase(), z]));
  const listed = knownZones.get(trimmed.toLowerCase());
  if (listed) return listed;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: trimmed });
    return trimmed;
  } catch {
    return null;
  }
}
