// Typings of the billing SQL functions (live definitions in web/db/schema/functions). Argument keys are the
// exact SQL parameter names; web/tests/integration/rpc-signatures.test.ts checks them against the catalog.
import type { CreditNoteRow, InvoiceRow, PaymentRow, RefundRow } from "./invoice-record";

export type PaymentMethod = "cash" | "card_terminal" | "bank_transfer" | "card_online";
export const paymentMethods = ["cash", "card_terminal", "bank_transfer", "card_online"] as const;
/** Methods staff record at the desk; card_online comes only from the payment provider. */
export const deskPaymentMethods = ["cash", "card_terminal", "bank_transfer"] as const;

export interface TaxBreakdownRow {
  basis_points: number;
  rate_name: string;
  net_minor: number;
  tax_minor: number;
  gross_minor: number;
}

export interface TakingsRow {
  day: string;
  method: PaymentMethod;
  payments_count: number;
  received_minor: number;
  refunded_minor: number;
  net_minor: number;
  currency: string;
}

declare module "@/lib/db/rpc" {
  interface RpcFunctions {
    create_invoice: {
      args: {
        p_clinic_id: string;
        p_client_id: string;
        p_lines?: string;
        p_source?: string;
        p_source_ref?: string | null;
        p_notes?: string | null;
      };
      returns: InvoiceRow;
    };
    create_invoice_from_visit: { args: { p_visit_id: string }; returns: InvoiceRow };
    save_invoice_draft: {
      args: { p_invoice_id: string; p_lines: string; p_notes?: string | null };
      returns: InvoiceRow;
    };
    issue_invoice: { args: { p_invoice_id: string }; returns: InvoiceRow };
    void_invoice: { args: { p_invoice_id: string; p_reason: string }; returns: InvoiceRow };
    record_payment: {
      args: {
        p_invoice_id: string;
        p_method: PaymentMethod;
        p_amount_minor: number;
        p_idempotency_key: string;
        p_reference?: string | null;
      };
      returns: PaymentRow;
    };
    refund_payment: {
      args: { p_payment_id: string; p_amount_minor: number; p_reason: string; p_idempotency_key: string };
      returns: RefundRow;
    };
    issue_credit_note: {
      args: { p_invoice_id: string; p_lines: string; p_reason: string; p_idempotency_key: string };
      returns: CreditNoteRow;
    };
    prepare_online_refund: {
      args: { p_payment_id: string; p_amount_minor: number };
      returns: {
        clinic_id: string;
        invoice_id: string;
        payment_intent_id: string | null;
        stripe_account_id: string | null;
        refunded_by: string | null;
      };
    };
    invoice_tax_breakdown: { args: { p_invoice_id: string }; returns: TaxBreakdownRow };
    daily_takings: { args: { p_clinic_id: string; p_day?: string | null }; returns: TakingsRow };
  }
}
