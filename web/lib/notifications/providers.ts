// Which senders are configured, from the environment: Resend when RESEND_API_KEY is set, the SMS
// provider when all SMS_* are set. Without them, messages go to the dev mailbox (when it is enabled).
import "server-only";
import { devMailboxEnabled, env } from "@/lib/env";
import type { Sender } from "./provider-outcome";
import { resendEmailSender } from "./send-email-resend";
import { twilioSmsSender } from "./send-sms-twilio";

/** Per-request provider timeout; with the 10 s cron reserve it keeps in-flight sends inside maxDuration. */
export const PROVIDER_TIMEOUT_MS = 8_000;

export interface Providers {
  email: Sender | null;
  sms: Sender | null;
  /** Unconfigured channels "deliver" to the dev mailbox page instead of failing. */
  devMailbox: boolean;
}

export function providersFromEnv(timeoutMs = PROVIDER_TIMEOUT_MS): Providers {
  const e = env();
  const email = e.RESEND_API_KEY
    ? resendEmailSender({ apiKey: e.RESEND_API_KEY, baseUrl: e.RESEND_BASE_URL, from: e.EMAIL_FROM, timeoutMs })
    : null;
  const sms =
    e.SMS_API_BASE && e.SMS_ACCOUNT_SID && e.SMS_AUTH_TOKEN && e.SMS_FROM
      ? twilioSmsSender({
          baseUrl: e.SMS_API_BASE,
          accountSid: e.SMS_ACCOUNT_SID,
          authToken: e.SMS_AUTH_TOKEN,
          from: e.SMS_FROM,
          timeoutMs,
        })
      : null;
  return { email, sms, devMailbox: devMailboxEnabled() };
}
