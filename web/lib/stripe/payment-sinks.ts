// Where a confirmed online payment (or refund) goes, per target kind. The webhook handlers call these inside
// the transaction that records the Stripe event, exactly once per payment and once per refunded cent.
// Billing wires the invoice sink (web/lib/billing/invoice-payment-sink.ts, imported by the webhook); until the
// store and subscription modules wire theirs, those kinds use the interim ledger below, which only counts what
// was handed on, on the payment attempt itself.
import "server-only";
import type { Db } from "@/lib/db/types";
import type { PaymentTarget, TargetKind } from "./payment-targets";

export interface OnlinePayment {
  clinicId: string;
  target: PaymentTarget;
  attemptId: string;
  amountCents: number;
  currency: string;
  /** The PaymentIntent id (pi_...), unique per payment: a sink may use it as its own replay guard. */
  providerRef: string;
}

export interface OnlineRefund extends OnlinePayment {
  /** The charge id (ch_...) the refund came from, when Stripe names it. */
  chargeId: string | null;
  /** Stripe's cumulative refunded amount on the charge after this refund (amountCents is the growth). */
  refundedTotalCents: number;
  /** The refund's id (re_...) when the event names exactly the refund behind the growth, else null. */
  refundId: string | null;
}

export interface PaymentSink {
  applyOnlinePayment(db: Db, payment: OnlinePayment): Promise<void>;
  applyOnlineRefund(db: Db, refund: OnlineRefund): Promise<void>;
}

export const attemptLedgerSink: PaymentSink = {
  async applyOnlinePayment(db, p) {
    await db.query("update public.payment_attempts set applied_cents = applied_cents + $2 where id = $1", [
      p.attemptId,
      p.amountCents,
    ]);
  },
  async applyOnlineRefund(db, r) {
    await db.query(
      "update public.payment_attempts set refund_applied_cents = refund_applied_cents + $2 where id = $1",
      [r.attemptId, r.amountCents],
    );
  },
};

const sinks: Record<TargetKind, PaymentSink> = {
  invoice: attemptLedgerSink,
  order: attemptLedgerSink,
  subscription: attemptLedgerSink,
};

export function paymentSinkFor(kind: TargetKind): PaymentSink {
  return sinks[kind];
}

/** Wires a module's own sink (called once at import by that module; tests use it to inject a failure). */
export function setPaymentSink(kind: TargetKind, sink: PaymentSink): void {
  sinks[kind] = sink;
}
