// The dev mailbox shows every outbox row, password-reset and invitation links included, to anyone who
// can open it. So it exists only for the local demo (npm start's embedded database, no email or SMS
// provider) and only for requests from this machine with no proxy in between; everywhere else: 404.
import "server-only";
import { devMailboxEnabled } from "@/lib/env";
import { isDirectLoopbackRequest } from "@/lib/auth/client-address";

export function canOpenDevMailbox(headers: Headers): boolean {
  return devMailboxEnabled() && isDirectLoopbackRequest(headers);
}
