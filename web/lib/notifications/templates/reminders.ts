import { absoluteUrl, str, type Template } from "../render";

interface ReminderItem {
  starts_at_local?: unknown;
  pet_name?: unknown;
  service_name?: unknown;
  vet_name?: unknown;
}

function items(p: Record<string, unknown>): ReminderItem[] {
  return Array.isArray(p.items) ? (p.items.filter((i) => typeof i === "object" && i !== null) as ReminderItem[]) : [];
}

/** The clinic-local day (YYYY-MM-DD) in words, e.g. "Tuesday, 3 March 2026". */
function longDate(day: unknown, locale: "en" | "es"): string {
  const s = str(day);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return s;
  return new Intl.DateTimeFormat(locale === "es" ? "es-ES" : "en-GB", { dateStyle: "full", timeZone: "UTC" }).format(
    new Date(`${s}T00:00:00Z`),
  );
}

/** One message per client per clinic-day: every pet booked that day is listed, times in the clinic's zone. */
export const appointmentReminder: Template = (p, locale, ctx) => {
  const url = absoluteUrl(p.path, ctx.appUrl);
  const day = longDate(p.local_day, locale);
  const clinic = str(p.clinic_name);
  const list = items(p);
  const es = locale === "es";
  const lines = list.map((i) =>
    es
      ? `• ${str(i.starts_at_local)}: ${str(i.pet_name)}, ${str(i.service_name)} con ${str(i.vet_name)}`
      : `• ${str(i.starts_at_local)}: ${str(i.pet_name)}, ${str(i.service_name)} with ${str(i.vet_name)}`,
  );
  const pets = list.map((i) => str(i.pet_name)).filter(Boolean);
  const petsText =
    pets.length <= 1 ? (pets[0] ?? "") : `${pets.slice(0, -1).join(", ")} ${es ? "y" : "and"} ${pets.at(-1)}`;
  const where = [str(p.clinic_address), str(p.clinic_phone)].filter(Boolean).join(" · ");
  return es
    ? {
        subject: `Recordatorio: ${petsText} en ${clinic}, ${day}`,
        lines: [
          `Hola ${str(p.client_name)}:`,
          `Te recordamos tu cita en ${clinic} el ${day} (hora de ${str(p.time_zone)}):`,
          ...lines,
          ...(where ? ["", where] : []),
          "",
          "Si no puedes venir, cancela o cambia la cita desde tu portal.",
        ],
        link: { label: "Ver mis citas", url },
      }
    : {
        subject: `Reminder: ${petsText} at ${clinic}, ${day}`,
        lines: [
          `Hi ${str(p.client_name)},`,
          `A reminder of your visit to ${clinic} on ${day} (${str(p.time_zone)} time):`,
          ...lines,
          ...(where ? ["", where] : []),
          "",
          "If you cannot come, please cancel or reschedule from your portal.",
        ],
        link: { label: "See my appointments", url },
      };
};
