// Typed calls to the payment functions of migration 520. They live in schema private (the system path only:
// webhooks and the payment use-cases), so they are called here by name rather than through rpc().
import "server-only";
import type { Db } from "@/lib/db/types";
import type { TargetKind } from "./payment-targets";

const toDate = (unixSeconds: number) => new Date(unixSeconds * 1000);

export async function recordStripeEvent(
  db: Db,
  e: { id: string; type: string; account: string | null; created: number },
): Promise<boolean> {
  const { rows } = await db.query<{ fresh: boolean }>(
    `select private.record_stripe_event(p_event_id => $1, p_type => $2, p_stripe_account_id => $3,
       p_event_created_at => $4) as fresh`,
    [e.id, e.type, e.account, toDate(e.created)],
  );
  return rows[0]?.fresh === true;
}

export interface AttemptOutcome {
  attemptId: string;
  clinicId: string;
  targetKind: TargetKind;
  targetId: string;
  currency: string;
  amountReceivedCents: number;
  newlySucceeded: boolean;
  pendingRefundCents: number;
}

export async function recordPaymentIntentStatus(
  db: Db,
  s: {
    paymentIntentId: string;
    attemptId: string | null;
    status: "succeeded" | "failed" | "requires_action" | "processing" | "canceled";
    amountReceivedCents: number;
    latestChargeId: string | null;
    errorCode: string | null;
    eventCreated: number;
  },
): Promise<AttemptOutcome | undefined> {
  const { rows } = await db.query<AttemptOutcome>(
    `select attempt_id as "attemptId", clinic_id as "clinicId", target_kind as "targetKind", target_id as "targetId",
            currency, amount_received_cents::float8 as "amountReceivedCents", newly_succeeded as "newlySucceeded",
            pending_refund_cents::float8 as "pendingRefundCents"
       from private.record_payment_intent_status(p_payment_intent_id => $1, p_attempt_id => $2, p_status => $3,
              p_amount_received_cents => $4, p_latest_charge_id => $5, p_error_code => $6, p_event_created_at => $7)`,
    [
      s.paymentIntentId,
      s.attemptId,
      s.status,
      s.amountReceivedCents,
      s.latestChargeId,
      s.errorCode,
      toDate(s.eventCreated),
    ],
  );
  return rows[0];
}

export interface RefundOutcome {
  attemptId: string;
  clinicId: string;
  targetKind: TargetKind;
  targetId: string;
  currency: string;
  refundDeltaCents: number;
}

export async function recordPaymentRefund(
  db: Db,
  r: { paymentIntentId: string | null; chargeId: string; amountRefundedCents: number },
): Promise<RefundOutcome | undefined> {
  const { rows } = await db.query<RefundOutcome>(
    `select attempt_id as "attemptId", clinic_id as "clinicId", target_kind as "targetKind", target_id as "targetId",
            currency, refund_delta_cents::float8 as "refundDeltaCents"
       from private.record_payment_refund(p_payment_intent_id => $1, p_charge_id => $2, p_amount_refunded_cents => $3)`,
    [r.paymentIntentId, r.chargeId, r.amountRefundedCents],
  );
  return rows[0];
}

export async function recordPaymentDispute(
  db: Db,
  d: {
    paymentIntentId: string | null;
    chargeId: string | null;
    disputeId: string;
    amountCents: number;
    currency: string;
    reason: string;
  },
): Promise<string | null> {
  const { rows } = await db.query<{ id: string | null }>(
    `select private.record_payment_dispute(p_payment_intent_id => $1, p_charge_id => $2, p_dispute_id => $3,
       p_amount_cents => $4, p_currency => $5, p_reason => $6) as id`,
    [d.paymentIntentId, d.chargeId, d.disputeId, d.amountCents, d.currency, d.reason],
  );
  return rows[0]?.id ?? null;
}

export async function updatePaymentAccountStatus(
  db: Db,
  a: {
    accountId: string;
    chargesEnabled: boolean;
    payoutsEnabled: boolean;
    detailsSubmitted: boolean;
    eventCreated: number;
  },
): Promise<string | null> {
  const { rows } = await db.query<{ clinic_id: string | null }>(
    `select private.update_payment_account_status(p_stripe_account_id => $1, p_charges_enabled => $2,
       p_payouts_enabled => $3, p_details_submitted => $4, p_event_created_at => $5) as clinic_id`,
    [a.accountId, a.chargesEnabled, a.payoutsEnabled, a.detailsSubmitted, toDate(a.eventCreated)],
  );
  return rows[0]?.clinic_id ?? null;
}

export async function clinicOfAccount(db: Db, accountId: string): Promise<string | null> {
  const { rows } = await db.query<{ clinic_id: string }>(
    "select clinic_id from public.clinic_payment_accounts where stripe_account_id = $1",
    [accountId],
  );
  return rows[0]?.clinic_id ?? null;
}

export async function savePaymentMethod(
  db: Db,
  m: { clinicId: string; clientId: string; setupIntentId: string; paymentMethodId: string; customerId: string | null },
): Promise<string | null> {
  const { rows } = await db.query<{ id: string | null }>(
    `select private.save_payment_method(p_clinic_id => $1, p_client_id => $2, p_setup_intent_id => $3,
       p_payment_method_id => $4, p_customer_id => $5) as id`,
    [m.clinicId, m.clientId, m.setupIntentId, m.paymentMethodId, m.customerId],
  );
  return rows[0]?.id ?? null;
}
