// Browser-side calls to the appointment routes: the parsed data, or the error with its fields and, for a
// lost slot (409 SLOT_TAKEN), the next free slots the server sent along.
import { documentLocale, errorText, fieldTexts, type ApiErrorBody } from "@/lib/i18n/error-text";
import type { PickedSlot } from "./slot-picker";

export type ApiResult<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      status: number;
      code: string;
      message: string;
      fields: Record<string, string[]>;
      nextSlots: PickedSlot[];
    };

export async function callApi<T>(
  url: string,
  method: "POST" | "PATCH" | "PUT" | "DELETE",
  body?: unknown,
  headers?: Record<string, string>,
): Promise<ApiResult<T>> {
  try {
    const res = await fetch(url, {
      method,
      headers: { ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const payload = (await res.json().catch(() => null)) as {
      error?: Partial<ApiErrorBody> & { nextSlots?: PickedSlot[] };
    } | null;
    if (res.ok) return { ok: true, data: payload as T };
    const e: ApiErrorBody = { ...payload?.error, code: payload?.error?.code ?? "INTERNAL" };
    // In the page's language: the API's texts are English, its codes stable (web/lib/i18n/error-text.ts).
    const locale = documentLocale();
    return {
      ok: false,
      status: res.status,
      code: e.code,
      message: errorText(locale, e),
      fields: fieldTexts(locale, e),
      nextSlots: payload?.error?.nextSlots ?? [],
    };
  } catch {
    const e = { code: "NETWORK" };
    return { ok: false, status: 0, code: e.code, message: errorText(documentLocale(), e), fields: {}, nextSlots: [] };
  }
}

export function newIdempotencyKey(): string {
  return `book-${crypto.randomUUID()}`;
}
