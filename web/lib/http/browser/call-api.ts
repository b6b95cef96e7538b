// The browser's one way to call Vete's JSON routes: sends JSON, and turns any failure (an error body
// {"error":{"code","message","fields"}}, a non-JSON reply, no network) into one typed ApiError, so components
// never parse responses or catch fetch errors themselves. The API's texts are English and its codes stable:
// the error's message and field messages come back in the page's language (web/lib/i18n/error-text.ts).
import { documentLocale, errorText, fieldTexts } from "@/lib/i18n/error-text";
import type { FieldIssues } from "@/lib/errors";

export type ApiMethod = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

export interface ApiError {
  /** HTTP status; 0 when the server was not reached. */
  status: number;
  /** The route's stable error code; NETWORK when the server was not reached, INTERNAL when it sent no code. */
  code: string;
  /** The message in the page's language (the server's own wording for English readers). */
  message: string;
  /** Field name -> messages in the page's language, for showing each message under its input. */
  fields: Record<string, string[]>;
  /** Anything else the error body carried, e.g. the next free slots sent with SLOT_TAKEN. */
  details: Record<string, unknown>;
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };

export interface ApiRequest {
  method?: ApiMethod;
  /** Sent as JSON; leave out for no body. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Cancels the request (a search superseded by the next keystroke); the result is then a NETWORK error. */
  signal?: AbortSignal;
}

export async function callApi<T>(
  url: string,
  { method = "GET", body, headers, signal }: ApiRequest = {},
): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      cache: "no-store",
      headers: { ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch {
    const message = errorText(documentLocale(), { code: "NETWORK" });
    return { ok: false, error: { status: 0, code: "NETWORK", message, fields: {}, details: {} } };
  }
  const payload: unknown = await res.json().catch(() => null);
  if (res.ok) return { ok: true, data: payload as T };
  return { ok: false, error: readApiError(res.status, payload) };
}

/** The error part of a failed response, tolerant of bodies that are not ours (a proxy's HTML, an empty 502). */
export function readApiError(status: number, payload: unknown): ApiError {
  const raw = isRecord(payload) && isRecord(payload.error) ? payload.error : {};
  const { code, message, fields, issues, ...details } = raw;
  const body = {
    code: typeof code === "string" && code ? code : "INTERNAL",
    message: typeof message === "string" ? message : "",
    fields: isRecord(fields) ? readFields(fields) : {},
    issues: isRecord(issues) ? (issues as FieldIssues) : undefined,
  };
  const locale = documentLocale();
  return { status, code: body.code, message: errorText(locale, body), fields: fieldTexts(locale, body), details };
}

/** A fresh key for a POST that must not take effect twice (a double click, a retry after a timeout). */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

function readFields(fields: Record<string, unknown>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, messages] of Object.entries(fields)) {
    if (Array.isArray(messages)) out[name] = messages.filter((m): m is string => typeof m === "string");
    else if (typeof messages === "string") out[name] = [messages];
  }
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
