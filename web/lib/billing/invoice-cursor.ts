// Keyset cursors for invoice lists: the (created_at, id) of the last row shown, opaque to callers. created_at
// travels as Postgres text in UTC with microseconds (a JS Date would drop them and skip or repeat rows).
import { AppError } from "@/lib/errors";

export interface InvoiceCursor {
  /** UTC timestamp text as Postgres prints it, e.g. 2026-11-30 15:20:01.123456 */
  createdAt: string;
  id: string;
}

const timestamp = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?$/;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function encodeInvoiceCursor(c: InvoiceCursor): string {
  return Buffer.from(`${c.createdAt}|${c.id}`, "utf8").toString("base64url");
}

/** The cursor sent back by a client; anything else is INVALID_INPUT on `cursor`, never a 500. */
export function decodeInvoiceCursor(raw: string): InvoiceCursor {
  const [createdAt = "", id = "", ...rest] = Buffer.from(raw, "base64url").toString("utf8").split("|");
  if (rest.length || !timestamp.test(createdAt) || !uuid.test(id)) {
    const message = "This cursor is not valid; start from the first page.";
    throw new AppError("INVALID_INPUT", message, { fields: { cursor: [message] } });
  }
  return { createdAt, id };
}
