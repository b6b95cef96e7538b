// Typings of the clinic SQL functions (003, 005, 020). Argument keys are the exact SQL parameter names.
import type { StaffRole } from "./permissions";
import type { ClinicRow } from "./clinic-fields";

declare module "@/lib/db/rpc" {
  interface RpcFunctions {
    create_clinic: {
      args: {
        p_slug: string;
        p_name: string;
        p_time_zone: string;
        p_currency: string;
        p_default_locale?: string;
        p_email?: string | null;
        p_phone?: string | null;
        p_address?: string | null;
      };
      returns: ClinicRow & { created_at: Date; updated_at: Date };
    };
    invite_staff: {
      args: { p_clinic_id: string; p_email: string; p_role: StaffRole };
      returns: { id: string; clinic_id: string; email: string; role: StaffRole; expires_at: Date };
    };
    accept_invitation: {
      args: { p_token: string };
      returns: { clinic_id: string; role: StaffRole; clinic_slug: string };
    };
    remove_staff: {
      args: { p_clinic_id: string; p_user_id: string };
      returns: { remove_staff: null };
    };
    list_staff: {
      args: { p_clinic_id: string };
      returns: { user_id: string; name: string; email: string; role: StaffRole; joined_at: Date };
    };
  }
}
