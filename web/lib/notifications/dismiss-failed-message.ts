// The person hides the notice for one of their undelivered messages; runs under their RLS context.
import "server-only";
import { rpc } from "@/lib/db/rpc";
import type { Db } from "@/lib/db/types";

declare module "@/lib/db/rpc" {
  interface RpcFunctions {
    dismiss_failed_message: { args: { p_message_id: string }; returns: { dismiss_failed_message: boolean } };
  }
}

/** Hides one notice. Returns false when it is not the caller's, not failed, or already dismissed. */
export async function dismissFailedMessage(db: Db, messageId: string): Promise<boolean> {
  const rows = await rpc(db, "dismiss_failed_message", { p_message_id: messageId });
  return rows[0]?.dismiss_failed_message === true;
}
