// In-app notice for messages we could not deliver ("We could not email you ...; here are the details").
// A server component: place it in any layout or page; it renders nothing for anonymous visitors or
// when every message was delivered (so its margin below goes with it).
import { getSessionUser } from "@/lib/auth/session";
import { withUser } from "@/lib/db/context";
import { translator } from "@/lib/i18n";
import { notificationMessages } from "@/lib/i18n/messages/notifications";
import { listMyFailedMessages } from "@/lib/notifications/list-my-failed-messages";

export async function DeliveryNotices({ limit = 5 }: { limit?: number }) {
  const user = await getSessionUser();
  if (!user) return null;
  const notices = await withUser(user, (db) => listMyFailedMessages(db, user.locale, limit)).catch((err: unknown) => {
    console.error("[notifications] could not load delivery notices", err);
    return [];
  });
  if (notices.length === 0) return null;
  const t = translator(user.locale, notificationMessages);
  return (
    <section aria-label={t("noticesLabel")} className="mb-4 space-y-3">
      {notices.map((n) => (
        <details
          key={n.id}
          role="alert"
          className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950"
        >
          <summary className="cursor-pointer font-medium">{n.notice}</summary>
          <pre className="mt-3 whitespace-pre-wrap break-words font-sans text-slate-800">{n.text}</pre>
        </details>
      ))}
    </section>
  );
}
