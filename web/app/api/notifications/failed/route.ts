// GET /api/notifications/failed - the signed-in user's messages we could not deliver, with their text
import { z } from "zod";
import { withUser } from "@/lib/db/context";
import { apiHandler } from "@/lib/http/api-handler";
import { listMyFailedMessages } from "@/lib/notifications/list-my-failed-messages";

export const dynamic = "force-dynamic";

const query = z.object({ limit: z.coerce.number().int().min(1).max(50).default(20) });

export const GET = apiHandler({ query }, async ({ user, query }) => ({
  messages: await withUser(user, (db) => listMyFailedMessages(db, user.locale, query.limit)),
}));
