// What a provider call can end in, and how an HTTP answer or a network error maps to it. Pure: no I/O.

export type SendOutcome =
  | { ok: true; providerMessageId: string }
  /** Retrying cannot help (invalid address, rejected payload). */
  | { ok: false; kind: "permanent"; error: string }
  /** Worth retrying later; retryAfterMs when the provider said when (429 Retry-After). */
  | { ok: false; kind: "transient"; error: string; retryAfterMs?: number };

export interface Attachment {
  filename: string;
  contentType: string;
  /** Text content (e.g. an iCalendar file); senders encode it as the provider needs. */
  content: string;
}

/** Attachments as the outbox stores them ([{ filename, content_type, content }]); malformed entries are dropped. */
export function parseAttachments(raw: unknown): Attachment[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((a: unknown) => {
    if (typeof a !== "object" || a === null) return [];
    const { filename, content_type, content } = a as Record<string, unknown>;
    if (typeof filename !== "string" || typeof content !== "string") return [];
    return [
      { filename, content, contentType: typeof content_type === "string" ? content_type : "application/octet-stream" },
    ];
  });
}

export interface Sender {
  /** Name stored in logs, e.g. "resend", "sms". */
  name: string;
  /** idempotencyKey is the outbox row id, so a resend after a crash is deduplicated by the provider. */
  send(message: {
    to: string;
    subject: string;
    text: string;
    html: string;
    idempotencyKey: string;
    attachments?: Attachment[];
  }): Promise<SendOutcome>;
}

const MAX_RETRY_AFTER_MS = 6 * 60 * 60 * 1000;

/** Retry-After is either delta-seconds or an HTTP date; anything else is ignored. */
export function parseRetryAfter(value: string | null, nowMs = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Math.min(Number(trimmed) * 1000, MAX_RETRY_AFTER_MS);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.min(Math.max(at - nowMs, 0), MAX_RETRY_AFTER_MS);
}

/** 400 and 422 mean the request itself is wrong (e.g. invalid address): no retry can fix it. */
export function classifyHttpFailure(status: number, detail: string, retryAfter: string | null): SendOutcome {
  const error = `HTTP ${status}${detail ? `: ${detail}` : ""}`.slice(0, 500);
  if (status === 400 || status === 422) return { ok: false, kind: "permanent", error };
  if (status === 429) return { ok: false, kind: "transient", error, retryAfterMs: parseRetryAfter(retryAfter) };
  return { ok: false, kind: "transient", error };
}

/** Timeouts, refused connections, DNS failures: the provider may or may not have acted, so retry. */
export function classifyNetworkError(err: unknown, timeoutMs: number): SendOutcome {
  if (err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError")) {
    return { ok: false, kind: "transient", error: `timed out after ${timeoutMs} ms` };
  }
  const cause = err instanceof Error && err.cause instanceof Error ? err.cause : undefined;
  const code = cause && "code" in cause ? String((cause as { code?: unknown }).code) : undefined;
  const message = err instanceof Error ? err.message : String(err);
  return { ok: false, kind: "transient", error: `network error: ${code ?? cause?.message ?? message}`.slice(0, 500) };
}

/** Short, safe error detail from a provider body (never echoes headers or credentials). */
export async function readErrorDetail(res: Response): Promise<string> {
  const body = await res.text().catch(() => "");
  try {
    const parsed = JSON.parse(body) as { message?: unknown; name?: unknown; code?: unknown };
    const parts = [parsed.name, parsed.code, parsed.message].filter(
      (p) => typeof p === "string" || typeof p === "number",
    );
    return parts.join(" ").slice(0, 300);
  } catch {
    // not JSON
  }
  return body.replace(/\s+/g, " ").slice(0, 200);
}
