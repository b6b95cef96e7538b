// Staff issue a draft: the SQL assigns the next gapless number, captures rates and totals and emails the client.
import "server-only";
import { rpc } from "@/lib/db/rpc";
import type { Db } from "@/lib/db/types";
import { parseWith } from "@/lib/validation/parse";
import { idField, oneRow, toInvoice, type Invoice } from "./invoice-record";
import "./rpc-types";

export async function issueInvoice(db: Db, invoiceId: string): Promise<Invoice> {
  const id = parseWith(idField, invoiceId);
  return toInvoice(await oneRow(rpc(db, "issue_invoice", { p_invoice_id: id }), "issue_invoice"));
}
