// The clinic's booking rules, or the defaults when it has not set any (same values as private.booking_rules).
import "server-only";
import type { Db } from "@/lib/db/types";

export interface BookingRules {
  minNoticeMinutes: number;
  maxDaysAhead: number;
  slotGranularityMinutes: number;
  clientChangeWindowHours: number;
  requireConfirmation: boolean;
  /** Upcoming (requested or confirmed) visits a client may hold per pet; staff bookings are not capped. */
  maxOpenAppointmentsPerPet: number;
}

export const defaultBookingRules: BookingRules = {
  minNoticeMinutes: 120,
  maxDaysAhead: 60,
  slotGranularityMinutes: 15,
  clientChangeWindowHours: 24,
  requireConfirmation: false,
  maxOpenAppointmentsPerPet: 3,
};

export async function getBookingRules(db: Db, clinicId: string): Promise<BookingRules> {
  const { rows } = await db.query<BookingRules>(
    `select min_notice_minutes as "minNoticeMinutes", max_days_ahead as "maxDaysAhead",
            slot_granularity_minutes as "slotGranularityMinutes", client_change_window_hours as "clientChangeWindowHours",
            require_confirmation as "requireConfirmation", max_open_appointments_per_pet as "maxOpenAppointmentsPerPet"
       from public.clinic_booking_rules where clinic_id = $1`,
    [clinicId],
  );
  return rows[0] ?? defaultBookingRules;
}
