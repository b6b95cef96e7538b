// Appointment notifications written by the booking functions (120_booking.sql). Payload fields come from
// private.enqueue_appointment_message: clinic_name, pet_name, service_name, vet_name, starts_at (ISO),
// time_zone, instructions, path; rescheduled adds previous_starts_at, cancelled adds reason.
import type { Locale } from "@/lib/i18n";
import { absoluteUrl, str, type Template } from "../render";

/** "Tuesday, 1 December 2026, 09:00" in the clinic's zone and the reader's language. */
export function formatAppointmentTime(iso: unknown, timeZone: unknown, locale: Locale): string {
  const date = new Date(str(iso));
  if (Number.isNaN(date.getTime())) return str(iso);
  const zone = str(timeZone, "UTC");
  try {
    return new Intl.DateTimeFormat(locale === "es" ? "es-ES" : "en-GB", {
      dateStyle: "full",
      timeStyle: "short",
      timeZone: zone,
    }).format(date);
  } catch {
    return date.toISOString();
  }
}

export const appointmentBooked: Template = (p, locale, ctx) => {
  const when = formatAppointmentTime(p.starts_at, p.time_zone, locale);
  const url = absoluteUrl(p.path, ctx.appUrl);
  const instructions = str(p.instructions);
  return locale === "es"
    ? {
        subject: `Cita confirmada: ${str(p.pet_name)}, ${when}`,
        lines: [
          `Tu cita en ${str(p.clinic_name)} está reservada.`,
          `${str(p.service_name)} para ${str(p.pet_name)} con ${str(p.vet_name)}.`,
          `Cuándo: ${when} (${str(p.time_zone)}).`,
          ...(instructions ? ["", `Indicaciones: ${instructions}`] : []),
          "",
          "Adjuntamos un archivo de calendario (.ics).",
        ],
        link: { label: "Ver mis citas", url },
      }
    : {
        subject: `Appointment booked: ${str(p.pet_name)}, ${when}`,
        lines: [
          `Your appointment at ${str(p.clinic_name)} is booked.`,
          `${str(p.service_name)} for ${str(p.pet_name)} with ${str(p.vet_name)}.`,
          `When: ${when} (${str(p.time_zone)}).`,
          ...(instructions ? ["", `Instructions: ${instructions}`] : []),
          "",
          "A calendar file (.ics) is attached.",
        ],
        link: { label: "See my appointments", url },
      };
};

export const appointmentRescheduled: Template = (p, locale, ctx) => {
  const when = formatAppointmentTime(p.starts_at, p.time_zone, locale);
  const before = formatAppointmentTime(p.previous_starts_at, p.time_zone, locale);
  const url = absoluteUrl(p.path, ctx.appUrl);
  return locale === "es"
    ? {
        subject: `Cita cambiada: ${str(p.pet_name)}, ${when}`,
        lines: [
          `Tu cita en ${str(p.clinic_name)} ha cambiado de hora.`,
          `${str(p.service_name)} para ${str(p.pet_name)} con ${str(p.vet_name)}.`,
          `Nueva hora: ${when} (${str(p.time_zone)}).`,
          `Antes: ${before}.`,
          "",
          "El archivo de calendario adjunto sustituye al anterior.",
        ],
        link: { label: "Ver mis citas", url },
      }
    : {
        subject: `Appointment moved: ${str(p.pet_name)}, ${when}`,
        lines: [
          `Your appointment at ${str(p.clinic_name)} has a new time.`,
          `${str(p.service_name)} for ${str(p.pet_name)} with ${str(p.vet_name)}.`,
          `New time: ${when} (${str(p.time_zone)}).`,
          `Was: ${before}.`,
          "",
          "The attached calendar file replaces the earlier one.",
        ],
        link: { label: "See my appointments", url },
      };
};

export const appointmentCancelled: Template = (p, locale, ctx) => {
  const when = formatAppointmentTime(p.starts_at, p.time_zone, locale);
  const url = absoluteUrl(p.path, ctx.appUrl);
  const reason = str(p.reason);
  return locale === "es"
    ? {
        subject: `Cita cancelada: ${str(p.pet_name)}, ${when}`,
        lines: [
          `La cita de ${str(p.pet_name)} en ${str(p.clinic_name)} (${str(p.service_name)}, ${when}) está cancelada.`,
          ...(reason ? [`Motivo: ${reason}`] : []),
          "",
          "Puedes reservar otra hora cuando quieras.",
        ],
        link: { label: "Reservar otra cita", url },
      }
    : {
        subject: `Appointment cancelled: ${str(p.pet_name)}, ${when}`,
        lines: [
          `The appointment for ${str(p.pet_name)} at ${str(p.clinic_name)} (${str(p.service_name)}, ${when}) is cancelled.`,
          ...(reason ? [`Reason: ${reason}`] : []),
          "",
          "You can book another time whenever you like.",
        ],
        link: { label: "Book another time", url },
      };
};

export const bookingRequestDeclined: Template = (p, locale, ctx) => {
  const url = absoluteUrl(p.path, ctx.appUrl);
  return locale === "es"
    ? {
        subject: `Sobre tu solicitud de cita en ${str(p.clinic_name)}`,
        lines: [
          `${str(p.clinic_name)} no puede atender tu solicitud de ${str(p.service_name)} para ${str(p.pet_name)}.`,
          `Mensaje de la clínica: ${str(p.message)}`,
        ],
        link: { label: "Ver horarios disponibles", url },
      }
    : {
        subject: `About your appointment request at ${str(p.clinic_name)}`,
        lines: [
          `${str(p.clinic_name)} cannot fulfil your request for ${str(p.service_name)} for ${str(p.pet_name)}.`,
          `Message from the clinic: ${str(p.message)}`,
        ],
        link: { label: "See available times", url },
      };
};
