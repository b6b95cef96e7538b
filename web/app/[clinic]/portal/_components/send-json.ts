// Browser-side call to one of our JSON routes, returning either the data or the error's message and fields
// in the page's language (see web/lib/i18n/error-text.ts).
import { documentLocale, errorText, fieldTexts, type ApiErrorBody } from "@/lib/i18n/error-text";

export type JsonResult<T> =
  | { ok: true; data: T }
  | { ok: false; status: number; code: string; message: string; fields: Record<string, string[]> };

export async function sendJson<T>(
  url: string,
  method: "POST" | "PATCH" | "DELETE",
  body?: unknown,
): Promise<JsonResult<T>> {
  try {
    const res = await fetch(url, {
      method,
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const payload = (await res.json().catch(() => null)) as { error?: Partial<ApiErrorBody> } | null;
    if (res.ok) return { ok: true, data: payload as T };
    const e: ApiErrorBody = { ...payload?.error, code: payload?.error?.code ?? "INTERNAL" };
    const locale = documentLocale();
    return {
      ok: false,
      status: res.status,
      code: e.code,
      message: errorText(locale, e),
      fields: fieldTexts(locale, e),
    };
  } catch {
    const e = { code: "NETWORK" };
    return { ok: false, status: 0, code: e.code, message: errorText(documentLocale(), e), fields: {} };
  }
}

/** "" -> null, so clearing an input clears the value. */
export function textOrNull(form: FormData, name: string): string | null {
  const v = String(form.get(name) ?? "").trim();
  return v === "" ? null : v;
}
