// GET /api/cron/deliver-outbox - Vercel Cron: send due emails and SMS from the outbox
import { withCron } from "@/lib/cron/with-cron";
import { deliverOutbox } from "@/lib/notifications/deliver-outbox";

export const dynamic = "force-dynamic";
export const maxDuration = 60;

export const GET = withCron({ maxDurationSeconds: maxDuration }, (budgetMs) => deliverOutbox(budgetMs));
