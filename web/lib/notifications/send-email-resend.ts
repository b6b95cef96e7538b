// Email through Resend's REST API (POST /emails). The outbox row id is sent as Idempotency-Key, so a
// message resent after a crash between "sent" and "marked sent" is deduplicated by Resend (24 h window).
import "server-only";
import { headerSafe } from "./header-safe";
import { classifyHttpFailure, classifyNetworkError, readErrorDetail, type Sender } from "./provider-outcome";

export interface ResendConfig {
  apiKey: string;
  baseUrl?: string;
  from: string;
  timeoutMs: number;
}

export function resendEmailSender(config: ResendConfig): Sender {
  const url = `${(config.baseUrl ?? "https://api.resend.com").replace(/\/$/, "")}/emails`;
  return {
    name: "resend",
    async send({ to, subject, text, html, idempotencyKey, attachments = [] }) {
      const files = attachments.map((a) => ({
        filename: headerSafe(a.filename),
        content_type: a.contentType,
        content: Buffer.from(a.content, "utf8").toString("base64"),
      }));
      let res: Response;
      try {
        res = await fetch(url, {
          method: "POST",
          headers: {
            authorization: `Bearer ${config.apiKey}`,
            "content-type": "application/json",
            "idempotency-key": idempotencyKey,
          },
          body: JSON.stringify({
            // Every header field goes through headerSafe, whoever built it.
            from: headerSafe(config.from),
            to: [headerSafe(to)],
            subject: headerSafe(subject),
            text,
            html,
            ...(files.length ? { attachments: files } : {}),
          }),
          signal: AbortSignal.timeout(config.timeoutMs),
        });
      } catch (err) {
        return classifyNetworkError(err, config.timeoutMs);
      }
      if (res.ok) {
        const body = (await res.json().catch(() => ({}))) as { id?: unknown };
        return { ok: true, providerMessageId: typeof body.id === "string" ? body.id : `resend:${idempotencyKey}` };
      }
      return classifyHttpFailure(res.status, await readErrorDetail(res), res.headers.get("retry-after"));
    },
  };
}
