// The development mailbox: the latest outbox rows rendered as their recipient would read them. Only
// reachable where canOpenDevMailbox() (local demo, request from this machine); runs on the system path
// because it shows everyone's mail, which is exactly what a developer or an e2e test needs locally.
import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/types";
import { parseWith } from "@/lib/validation/parse";
import { isLocale } from "@/lib/i18n";
import { renderMessage } from "@/lib/notifications/render";

export const listDevMailboxSchema = z.strictObject({
  to: z.string().trim().min(1).max(320).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(100),
});
export type ListDevMailboxInput = z.input<typeof listDevMailboxSchema>;

export interface DevMailboxMessage {
  id: string;
  channel: "email" | "sms";
  recipient: string;
  template: string;
  locale: string;
  status: string;
  createdAt: string;
  subject: string;
  text: string;
  html: string | null;
  links: string[];
}

/** The outbox row as selected; subject, text and links are read out of its payload. */
type Row = Pick<DevMailboxMessage, "id" | "channel" | "recipient" | "template" | "locale" | "status"> & {
  created_at: Date;
  payload: Record<string, unknown>;
};

const urlPattern = /https?:\/\/[^\s<>"')\]]+/g;

export function extractLinks(text: string): string[] {
  return [...new Set(text.match(urlPattern) ?? [])];
}

function render(row: Row, appUrl: string): Pick<DevMailboxMessage, "subject" | "text" | "html"> {
  try {
    return renderMessage(row.template, isLocale(row.locale) ? row.locale : "en", row.payload, { appUrl });
  } catch {
    // A template another module has not registered yet: show the raw payload instead of failing the page.
    return { subject: `(${row.template})`, text: JSON.stringify(row.payload, null, 2), html: null };
  }
}

export async function listDevMailbox(db: Db, input: ListDevMailboxInput, appUrl: string): Promise<DevMailboxMessage[]> {
  const { to, limit } = parseWith(listDevMailboxSchema, input);
  const { rows } = await db.query<Row>(
    `select id, channel, recipient, template, locale, status, created_at, payload
       from public.outbox_messages
      where $1::text is null or lower(recipient) = lower($1::text)
      order by created_at desc, id desc
      limit $2`,
    [to ?? null, limit],
  );
  return rows.map((row) => {
    const rendered = render(row, appUrl);
    return {
      id: row.id,
      channel: row.channel,
      recipient: row.recipient,
      template: row.template,
      locale: row.locale,
      status: row.status,
      createdAt: row.created_at.toISOString(),
      ...rendered,
      links: extractLinks(rendered.text),
    };
  });
}
