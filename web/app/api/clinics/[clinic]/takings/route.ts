import { dailyTakingsSchema, getDailyTakings } from "@/lib/billing/get-daily-takings";
import { withUser } from "@/lib/db/context";
import { apiHandler } from "@/lib/http/api-handler";
import { notFound } from "@/lib/http/respond";

// GET /api/clinics/[clinic]/takings - money taken per payment method on a day (?day=YYYY-MM-DD, default today)
export const GET = apiHandler({ query: dailyTakingsSchema, action: "billing.use" }, async ({ user, access, query }) => {
  if (!access) throw notFound();
  return withUser(user, (db) => getDailyTakings(db, access.clinic.id, query));
});
