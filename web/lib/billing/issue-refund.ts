// A refund of any payment: an online card payment goes back through Stripe, anything taken at the desk is
// only recorded (the money is handed back there). The method is read under the caller's RLS.
import "server-only";
import { withUser } from "@/lib/db/context";
import type { SessionUser } from "@/lib/db/types";
import { parseWith } from "@/lib/validation/parse";
import { idField, type Refund } from "./invoice-record";
import { refundOnlinePayment } from "./refund-online-payment";
import { refundPayment, type RefundPaymentInput } from "./refund-payment";

export async function issueRefund(user: SessionUser, paymentId: string, input: RefundPaymentInput): Promise<Refund> {
  const id = parseWith(idField, paymentId);
  const method = await withUser(user, async (db) => {
    const { rows } = await db.query<{ method: string }>("select method from public.payments where id = $1", [id]);
    return rows[0]?.method;
  });
  if (method === "card_online") return refundOnlinePayment(user, id, input);
  return withUser(user, (db) => refundPayment(db, id, input));
}
