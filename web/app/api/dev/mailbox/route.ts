// GET /api/dev/mailbox?to=<email> - latest outbox messages rendered, with their links (local demo, this machine only)
import { asSystem } from "@/lib/db/context";
import { canOpenDevMailbox } from "@/lib/dev-mailbox/dev-mailbox-access";
import { listDevMailbox, listDevMailboxSchema } from "@/lib/dev-mailbox/list-dev-mailbox";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { searchParamsObject } from "@/lib/http/parse";
import { parseWith } from "@/lib/validation/parse";
import { errorResponse, json } from "@/lib/http/respond";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  try {
    if (!canOpenDevMailbox(req.headers)) throw new AppError("NOT_FOUND", "Not found.");
    const query = parseWith(listDevMailboxSchema, searchParamsObject(new URL(req.url)));
    const messages = await asSystem((db) => listDevMailbox(db, query, env().APP_URL));
    return json({ messages }, 200, { "cache-control": "no-store" });
  } catch (err) {
    return errorResponse(err);
  }
}
