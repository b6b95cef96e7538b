// Registry of message templates by name (the outbox row's `template`). Add one line per template.
import type { Template } from "../render";
import {
  appointmentBooked,
  appointmentCancelled,
  appointmentRescheduled,
  bookingRequestDeclined,
} from "./appointments";
import { resetPassword, verifyEmail } from "./auth";
import { creditNoteIssued, invoiceIssued, paymentReceipt, refundIssued } from "./billing";
import { clientAccountRelinked } from "./clients";
import { paymentDisputeOpened } from "./payments";
import { appointmentReminder } from "./reminders";
import { staffInvitation } from "./staff";
import { vaccineReminder } from "./vaccine-reminders";

export const templates: Record<string, Template> = {
  "auth.verify_email": verifyEmail,
  "auth.reset_password": resetPassword,
  staff_invitation: staffInvitation,
  "appointment.booked": appointmentBooked,
  "appointment.rescheduled": appointmentRescheduled,
  "appointment.cancelled": appointmentCancelled,
  "appointment.request_declined": bookingRequestDeclined,
  "appointment.reminder": appointmentReminder,
  "vaccine.reminder": vaccineReminder,
  "client.account_relinked": clientAccountRelinked,
  "payment.dispute_opened": paymentDisputeOpened,
  "invoice.issued": invoiceIssued,
  "payment.receipt": paymentReceipt,
  "refund.issued": refundIssued,
  "credit_note.issued": creditNoteIssued,
};
