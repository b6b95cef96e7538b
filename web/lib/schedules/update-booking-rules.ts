// Owners and admins set the clinic's booking rules; RLS refuses others. The row exists from the clinic's creation;
// the upsert keeps the refusal a clear RLS error (42501 on insert) rather than an update that matches no row.
import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/types";
import { parseWith } from "@/lib/validation/parse";
import { getBookingRules, type BookingRules } from "./get-booking-rules";

export const updateBookingRulesSchema = z.strictObject({
  minNoticeMinutes: z.number().int().min(0, "Cannot be negative.").max(43200, "At most 30 days."),
  maxDaysAhead: z.number().int().min(0, "Cannot be negative.").max(730, "At most 730 days."),
  slotGranularityMinutes: z
    .number()
    .int()
    .refine((n) => [5, 10, 15, 20, 30, 60].includes(n), "Use 5, 10, 15, 20, 30 or 60 minutes."),
  clientChangeWindowHours: z.number().int().min(0, "Cannot be negative.").max(720, "At most 720 hours."),
  requireConfirmation: z.boolean().default(false),
  maxOpenAppointmentsPerPet: z.number().int().min(1, "At least 1.").max(50, "At most 50.").default(3),
});
export type UpdateBookingRulesInput = z.input<typeof updateBookingRulesSchema>;

export async function updateBookingRules(
  db: Db,
  clinicId: string,
  input: UpdateBookingRulesInput,
): Promise<BookingRules> {
  const d = parseWith(updateBookingRulesSchema, input);
  await db.query(
    `insert into public.clinic_booking_rules (clinic_id, min_notice_minutes, max_days_ahead, slot_granularity_minutes,
       client_change_window_hours, require_confirmation, max_open_appointments_per_pet)
     values ($1, $2, $3, $4, $5, $6, $7)
     on conflict (clinic_id) do update set min_notice_minutes = excluded.min_notice_minutes, max_days_ahead = excluded.max_days_ahead,
       slot_granularity_minutes = excluded.slot_granularity_minutes, client_change_window_hours = excluded.client_change_window_hours,
       require_confirmation = excluded.require_confirmation, max_open_appointments_per_pet = excluded.max_open_appointments_per_pet`,
    [
      clinicId,
      d.minNoticeMinutes,
      d.maxDaysAhead,
      d.slotGranularityMinutes,
      d.clientChangeWindowHours,
      d.requireConfirmation,
      d.maxOpenAppointmentsPerPet,
    ],
  );
  return getBookingRules(db, clinicId);
}
