// GET /api/cron/send-reminders - Vercel Cron: queue due appointment reminders (delivered by deliver-outbox)
import { withCron } from "@/lib/cron/with-cron";
import { enqueueDueReminders } from "@/lib/notifications/enqueue-due-reminders";

export const dynamic = "force-dynamic";
export const maxDuration = 60;

export const GET = withCron({ maxDurationSeconds: maxDuration }, (budgetMs) => enqueueDueReminders(budgetMs));
