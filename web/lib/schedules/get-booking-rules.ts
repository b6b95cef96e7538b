// The clinic's booking rules. Every clinic has its row from the start (migration 201), so the defaults live
// only in the column defaults of clinic_booking_rules; there is no fallback here.
import "server-only";
import type { Db } from "@/lib/db/types";
import { AppError } from "@/lib/errors";

export interface BookingRules {
  minNoticeMinutes: number;
  maxDaysAhead: number;
  slotGranularityMinutes: number;
  clientChangeWindowHours: number;
  requireConfirmation: boolean;
  /** Upcoming (requested or confirmed) visits a client may hold per pet; staff bookings are not capped. */
  maxOpenAppointmentsPerPet: number;
}

export async function getBookingRules(db: Db, clinicId: string): Promise<BookingRules> {
  const { rows } = await db.query<BookingRules>(
    `select min_notice_minutes as "minNoticeMinutes", max_days_ahead as "maxDaysAhead",
            slot_granularity_minutes as "slotGranularityMinutes", client_change_window_hours as "clientChangeWindowHours",
            require_confirmation as "requireConfirmation", max_open_appointments_per_pet as "maxOpenAppointmentsPerPet"
       from public.clinic_booking_rules where clinic_id = $1`,
    [clinicId],
  );
  const rules = rows[0];
  if (!rules) throw new AppError("NOT_FOUND", "That clinic was not found.");
  return rules;
}
