// A clinic's messages that could not be delivered, with the reason and any SMS -> email fallback, for
// the staff jobs page. The SQL function checks that the caller owns the clinic.
import "server-only";
import { rpc } from "@/lib/db/rpc";
import type { Db } from "@/lib/db/types";

export interface DeliveryFailure {
  id: string;
  channel: "email" | "sms";
  recipient: string;
  template: string;
  attempts: number;
  last_error: string | null;
  failed_at: Date | null;
  created_at: Date;
  fallback_status: "pending" | "sending" | "sent" | "failed" | "cancelled" | null;
}

declare module "@/lib/db/rpc" {
  interface RpcFunctions {
    list_delivery_failures: { args: { p_clinic_id: string; p_limit?: number }; returns: DeliveryFailure };
  }
}

export function listDeliveryFailures(db: Db, clinicId: string, limit = 50): Promise<DeliveryFailure[]> {
  return rpc(db, "list_delivery_failures", { p_clinic_id: clinicId, p_limit: limit });
}
