// POST /api/notifications/failed/dismiss - hide the notice for one of my undelivered messages
import { z } from "zod";
import { withUser } from "@/lib/db/context";
import { AppError } from "@/lib/errors";
import { apiHandler } from "@/lib/http/api-handler";
import { dismissFailedMessage } from "@/lib/notifications/dismiss-failed-message";

const body = z.object({ id: z.uuid() });

export const POST = apiHandler({ body }, async ({ user, body }) => {
  const dismissed = await withUser(user, (db) => dismissFailedMessage(db, body.id));
  if (!dismissed) throw new AppError("NOT_FOUND", "No such undelivered message.");
  return { dismissed: true };
});
