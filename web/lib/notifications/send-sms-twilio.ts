// SMS through a Twilio-compatible REST API: POST {base}/2010-04-01/Accounts/{sid}/Messages.json,
// form-encoded To/From/Body with basic auth. Twilio has no request idempotency key for outbound
// messages; we still send the outbox id as Idempotency-Key for compatible providers that honour it.
import "server-only";
import { classifyHttpFailure, classifyNetworkError, readErrorDetail, type Sender } from "./provider-outcome";

export interface SmsConfig {
  baseUrl: string;
  accountSid: string;
  authToken: string;
  from: string;
  timeoutMs: number;
}

/** E.164-ish: digits with an optional leading +, 8 to 15 digits, after removing spaces, dashes, brackets. */
export function normalizePhone(raw: string): string | null {
  const compact = raw.replace(/[\s()-]/g, "");
  return /^\+?[0-9]{8,15}$/.test(compact) ? compact : null;
}

export function twilioSmsSender(config: SmsConfig): Sender {
  const url = `${config.baseUrl.replace(/\/$/, "")}/2010-04-01/Accounts/${encodeURIComponent(config.accountSid)}/Messages.json`;
  const auth = Buffer.from(`${config.accountSid}:${config.authToken}`).toString("base64");
  return {
    name: "sms",
    async send({ to, text, idempotencyKey }) {
      const phone = normalizePhone(to);
      if (!phone) return { ok: false, kind: "permanent", error: "invalid phone number" };
      let res: Response;
      try {
        res = await fetch(url, {
          method: "POST",
          headers: {
            authorization: `Basic ${auth}`,
            "content-type": "application/x-www-form-urlencoded",
            "idempotency-key": idempotencyKey,
          },
          body: new URLSearchParams({ To: phone, From: config.from, Body: text }).toString(),
          signal: AbortSignal.timeout(config.timeoutMs),
        });
      } catch (err) {
        return classifyNetworkError(err, config.timeoutMs);
      }
      if (res.ok) {
        const body = (await res.json().catch(() => ({}))) as { sid?: unknown };
        return { ok: true, providerMessageId: typeof body.sid === "string" ? body.sid : `sms:${idempotencyKey}` };
      }
      return classifyHttpFailure(res.status, await readErrorDetail(res), res.headers.get("retry-after"));
    },
  };
}
