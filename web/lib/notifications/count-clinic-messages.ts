// How many of a clinic's emails and SMS are waiting, delivered, failed or cancelled over the last days, for
// the owners' jobs page. The SQL function checks that the caller owns the clinic.
import "server-only";
import { rpcOne } from "@/lib/db/rpc";
import type { Db } from "@/lib/db/types";

/** bigint counts; the pool parses int8 as number */
export interface ClinicMessageCounts {
  pending: number;
  sent: number;
  failed: number;
  cancelled: number;
}

declare module "@/lib/db/rpc" {
  interface RpcFunctions {
    count_clinic_messages: {
      args: { p_clinic_id: string; p_days?: number };
      returns: ClinicMessageCounts;
    };
  }
}

export async function countClinicMessages(db: Db, clinicId: string, days = 7): Promise<ClinicMessageCounts> {
  const row = await rpcOne(db, "count_clinic_messages", { p_clinic_id: clinicId, p_days: days });
  return row ?? { pending: 0, sent: 0, failed: 0, cancelled: 0 };
}
