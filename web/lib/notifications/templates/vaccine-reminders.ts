import { absoluteUrl, str, type Template } from "../render";

interface VaccineItem {
  pet_name?: unknown;
  vaccine_name?: unknown;
  due_on?: unknown;
  overdue?: unknown;
}

function items(p: Record<string, unknown>): VaccineItem[] {
  return Array.isArray(p.items) ? (p.items.filter((i) => typeof i === "object" && i !== null) as VaccineItem[]) : [];
}

/** A calendar date (YYYY-MM-DD) in words, e.g. "3 March 2026". */
function dateText(day: unknown, locale: "en" | "es"): string {
  const s = str(day);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return s;
  return new Intl.DateTimeFormat(locale === "es" ? "es-ES" : "en-GB", { dateStyle: "long", timeZone: "UTC" }).format(
    new Date(`${s}T00:00:00Z`),
  );
}

/** One message per client per clinic-day: every pet and vaccine coming due (or overdue), with a booking link. */
export const vaccineReminder: Template = (p, locale, ctx) => {
  const url = absoluteUrl(p.path, ctx.appUrl);
  const clinic = str(p.clinic_name);
  const es = locale === "es";
  const list = items(p);
  const lines = list.map((i) => {
    const due = dateText(i.due_on, locale);
    const late = i.overdue === true;
    if (es) return `• ${str(i.pet_name)}: ${str(i.vaccine_name)}, ${late ? "vencida el" : "toca el"} ${due}`;
    return `• ${str(i.pet_name)}: ${str(i.vaccine_name)}, ${late ? "was due on" : "due on"} ${due}`;
  });
  const pets = [...new Set(list.map((i) => str(i.pet_name)).filter(Boolean))];
  const petsText =
    pets.length <= 1 ? (pets[0] ?? "") : `${pets.slice(0, -1).join(", ")} ${es ? "y" : "and"} ${pets.at(-1)}`;
  const phone = str(p.clinic_phone);
  return es
    ? {
        subject: `Vacunas de ${petsText}: ${clinic}`,
        lines: [
          `Hola ${str(p.client_name)}:`,
          `Estas vacunas tocan pronto o ya han vencido:`,
          ...lines,
          "",
          `Pide cita en ${clinic} desde tu portal${phone ? ` o llámanos al ${phone}` : ""}.`,
        ],
        link: { label: "Pedir cita", url },
      }
    : {
        subject: `Vaccines for ${petsText}: ${clinic}`,
        lines: [
          `Hi ${str(p.client_name)},`,
          `These vaccines are coming due or overdue:`,
          ...lines,
          "",
          `Book a visit to ${clinic} from your portal${phone ? ` or call us on ${phone}` : ""}.`,
        ],
        link: { label: "Book a visit", url },
      };
};
