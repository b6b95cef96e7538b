// Payload fields that carry a live one-time token (password reset, email verification, staff invitation).
// The outbox keeps them only until the message has left: once it is sent, failed or cancelled they are
// removed from the stored row, so a database reader (a backup, an admin query, the run log) finds no
// usable link. The dev mailbox is the one exception: there the row itself is the delivery.
const liveTokenFields: Record<string, readonly string[]> = {
  "auth.reset_password": ["url"],
  "auth.verify_email": ["url"],
  staff_invitation: ["path"],
};

export function liveTokenFieldsOf(template: string): string[] {
  return [...(liveTokenFields[template] ?? [])];
}
