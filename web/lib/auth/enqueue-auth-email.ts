import "server-only";
import { createHash } from "node:crypto";
import { asSystem } from "@/lib/db/context";
import { isLocale } from "@/lib/i18n";

interface AuthEmail {
  template: "auth.reset_password" | "auth.verify_email";
  user: { id: string; email?: string | null; name: string; locale?: unknown };
  url: string;
  token: string;
}

/** Auth mails go through the outbox like every other message; the dedupe key is per token. */
export async function enqueueAuthEmail({ template, user, url, token }: AuthEmail): Promise<void> {
  if (!user.email) return;
  const tokenId = createHash("sha256").update(token).digest("hex").slice(0, 32);
  await asSystem((db) =>
    db.query(
      `insert into public.outbox_messages (user_id, channel, recipient, template, locale, payload, dedupe_key)
       values ($1, 'email', $2, $3, $4, $5, $6) on conflict (dedupe_key) do nothing`,
      [
        user.id,
        user.email,
        template,
        isLocale(user.locale) ? user.locale : "en",
        { name: user.name, url },
        `${template}:${tokenId}`,
      ],
    ),
  );
}
