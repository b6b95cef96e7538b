// Typings of the appointment SQL functions (live definitions in web/db/schema/functions). Argument keys
// are the exact SQL parameter names; web/tests/integration/rpc-signatures.test.ts checks them against the
// migrated catalog.
export type AppointmentStatus =
  "requested" | "confirmed" | "checked_in" | "in_progress" | "completed" | "no_show" | "cancelled";
export type TimeOfDay = "morning" | "afternoon" | "evening" | "any";
export type BookingRequestStatus = "open" | "converted" | "declined";

/** A public.appointments row as the functions return it (snake_case). */
export interface AppointmentRow {
  id: string;
  clinic_id: string;
  client_id: string;
  pet_id: string;
  service_id: string;
  vet_id: string;
  starts_at: Date;
  ends_at: Date;
  buffer_before_minutes: number;
  buffer_after_minutes: number;
  /** tstzrange text, e.g. ["2026-12-01 13:55:00+00","2026-12-01 14:40:00+00") */
  blocked: string;
  status: AppointmentStatus;
  sequence: number;
  notes: string | null;
  cancel_reason: string | null;
  cancelled_at: Date | null;
  cancelled_by: string | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

/**
 * A public.booking_requests row. The pool parses date[] as strings; connections made elsewhere (tests'
 * own pools) may still hand back Date objects, so toBookingRequest normalizes either.
 */
export interface BookingRequestRow {
  id: string;
  clinic_id: string;
  client_id: string;
  pet_id: string;
  service_id: string;
  preferred_dates: (string | Date)[];
  time_of_day: TimeOfDay;
  note: string | null;
  status: BookingRequestStatus;
  decline_message: string | null;
  appointment_id: string | null;
  created_by: string | null;
  decided_by: string | null;
  decided_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export interface SlotRow {
  vet_id: string;
  vet_name: string;
  starts_at: Date;
  ends_at: Date;
}

declare module "@/lib/db/rpc" {
  interface RpcFunctions {
    list_available_slots: {
      args: {
        p_clinic_id: string;
        p_service_id: string;
        p_from: string;
        p_to: string;
        p_vet_id?: string | null;
        p_pet_id?: string | null;
        p_moving_appointment_id?: string | null;
      };
      returns: SlotRow;
    };
    list_service_vets: {
      args: { p_clinic_id: string };
      returns: { service_id: string; vet_id: string; vet_name: string };
    };
    book_appointment: {
      args: {
        p_clinic_id: string;
        p_pet_id: string;
        p_service_id: string;
        p_starts_at: Date | string;
        p_vet_id?: string | null;
        p_client_id?: string | null;
        p_notes?: string | null;
      };
      returns: AppointmentRow;
    };
    reschedule_appointment: {
      args: { p_appointment_id: string; p_starts_at: Date | string; p_vet_id?: string | null };
      returns: AppointmentRow;
    };
    cancel_appointment: {
      args: { p_appointment_id: string; p_reason: string };
      returns: AppointmentRow;
    };
    list_vet_hours: {
      args: { p_clinic_id: string; p_date: string };
      returns: { vet_id: string; starts_at: Date; ends_at: Date };
    };
    appointment_calendar_file: {
      args: { p_clinic_id: string; p_appointment_id: string };
      returns: { appointment_calendar_file: string };
    };
    set_appointment_status: {
      args: { p_appointment_id: string; p_status: AppointmentStatus };
      returns: AppointmentRow;
    };
    request_booking: {
      args: {
        p_clinic_id: string;
        p_pet_id: string;
        p_service_id: string;
        p_preferred_dates?: string[];
        p_time_of_day?: TimeOfDay;
        p_note?: string | null;
        p_client_id?: string | null;
      };
      returns: BookingRequestRow;
    };
    convert_booking_request: {
      args: { p_request_id: string; p_starts_at: Date | string; p_vet_id?: string | null };
      returns: AppointmentRow;
    };
    decline_booking_request: {
      args: { p_request_id: string; p_message: string };
      returns: BookingRequestRow;
    };
  }
}

export interface AppointmentListRow {
  id: string;
  starts_at: Date;
  ends_at: Date;
  status: AppointmentStatus;
  vet_id: string;
  vet_name: string;
  service_id: string;
  service_name: string;
  pet_id: string;
  pet_name: string;
  client_id: string;
  client_name: string;
  /** null for clients (staff-only notes) */
  notes: string | null;
  cancel_reason: string | null;
  client_can_change: boolean;
}

declare module "@/lib/db/rpc" {
  interface RpcFunctions {
    list_appointments: {
      args: { p_clinic_id: string; p_from: Date | string; p_to: Date | string; p_vet_id?: string | null };
      returns: AppointmentListRow;
    };
  }
}
