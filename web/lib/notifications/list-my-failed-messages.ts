// The signed-in person's messages that could not be delivered, rendered so the app can show them what
// the message said ("We could not email you ...; here are the details"). Runs under the user's RLS context.
import "server-only";
import { rpc } from "@/lib/db/rpc";
import type { Db } from "@/lib/db/types";
import { env } from "@/lib/env";
import { translator, type Locale } from "@/lib/i18n";
import { notificationMessages } from "@/lib/i18n/messages/notifications";
import { renderMessage } from "./render";

declare module "@/lib/db/rpc" {
  interface RpcFunctions {
    list_my_failed_messages: {
      args: { p_limit?: number };
      returns: {
        id: string;
        clinic_id: string | null;
        channel: "email" | "sms";
        template: string;
        locale: string;
        payload: Record<string, unknown>;
        failed_at: Date;
      };
    };
  }
}

export interface FailedMessageNotice {
  id: string;
  channel: "email" | "sms";
  failedAt: string;
  /** "We could not email you “…”. Here are the details:" in the viewer's language. */
  notice: string;
  subject: string;
  text: string;
}

export async function listMyFailedMessages(db: Db, locale: Locale, limit = 20): Promise<FailedMessageNotice[]> {
  const rows = await rpc(db, "list_my_failed_messages", { p_limit: limit });
  const t = translator(locale, notificationMessages);
  return rows.flatMap((row) => {
    try {
      const rendered = renderMessage(row.template, locale, row.payload, { appUrl: env().APP_URL });
      const notice = t(row.channel === "sms" ? "noticeSms" : "noticeEmail", { subject: rendered.subject });
      return [
        {
          id: row.id,
          channel: row.channel,
          failedAt: new Date(row.failed_at).toISOString(),
          notice,
          subject: rendered.subject,
          text: rendered.text,
        },
      ];
    } catch (err) {
      console.error(`[notifications] cannot render failed message ${row.id}`, err);
      return [];
    }
  });
}
