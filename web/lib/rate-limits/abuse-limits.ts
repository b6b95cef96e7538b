// The daily limits that stop one account from turning the platform into a mail cannon or booking every
// free slot. Each is a budget in the shared Postgres limiter; spending past it answers 429 with
// Retry-After. Defaults come from the environment (see README); documentation/security.md lists them.
import "server-only";
import { env } from "@/lib/env";
import { DAY_SECONDS, enforceRateLimit } from "./consume-rate-limit";

/** Clinics one account may create per day (each new clinic can send mail under the platform's sender). */
export function spendClinicCreation(userId: string): Promise<void> {
  return enforceRateLimit(
    {
      name: "clinic-create",
      subject: userId,
      max: env().LIMIT_CLINICS_PER_ACCOUNT_PER_DAY,
      windowSeconds: DAY_SECONDS,
    },
    "You have created as many clinics as one account may in a day. Try again tomorrow.",
  );
}

/** Staff invitations one clinic may send per day (each one is an email to any address). */
export function spendInvitation(clinicId: string): Promise<void> {
  return enforceRateLimit(
    {
      name: "invitation",
      subject: clinicId,
      max: env().LIMIT_INVITATIONS_PER_CLINIC_PER_DAY,
      windowSeconds: DAY_SECONDS,
    },
    "This clinic has sent as many invitations as it may in a day. Try again tomorrow.",
  );
}

/** Client records with an email address that staff may add per clinic per day (they then receive the clinic's mail). */
export function spendClientEmail(clinicId: string): Promise<void> {
  return enforceRateLimit(
    {
      name: "client-email",
      subject: clinicId,
      max: env().LIMIT_CLIENT_EMAILS_PER_CLINIC_PER_DAY,
      windowSeconds: DAY_SECONDS,
    },
    "This clinic has added as many clients with an email address as it may in a day. Try again tomorrow.",
  );
}

/** Bookings and booking requests one client account may make at one clinic per day. */
export function spendClientBooking(clinicId: string, userId: string): Promise<void> {
  return enforceRateLimit(
    {
      name: "client-booking",
      subject: `${clinicId}:${userId}`,
      max: env().LIMIT_BOOKINGS_PER_CLIENT_PER_DAY,
      windowSeconds: DAY_SECONDS,
    },
    "You have booked as many visits as one person may in a day. Call the clinic if you need more.",
  );
}
