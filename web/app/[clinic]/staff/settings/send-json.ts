// Client-side JSON calls to the clinic API: returns data, or the API's error with field messages and a
// message in the person's language for the codes people commonly hit.
import { translator, type Locale } from "@/lib/i18n";
import { errorText, fieldTexts, type ApiErrorBody } from "@/lib/i18n/error-text";
import { clinicMessages, type ClinicMessageKey } from "@/lib/i18n/messages/clinics";

export type SendResult<T> = { ok: true; data: T } | { ok: false; message: string; fields: Record<string, string[]> };

export async function sendJson<T>(
  url: string,
  method: "POST" | "PATCH" | "DELETE",
  locale: Locale,
  body?: unknown,
): Promise<SendResult<T>> {
  const t = translator(locale, clinicMessages);
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return { ok: false, message: t("error.NETWORK"), fields: {} };
  }
  const payload = (await res.json().catch(() => null)) as { error?: Partial<ApiErrorBody> } | null;
  if (res.ok) return { ok: true, data: payload as T };
  const e: ApiErrorBody = { ...payload?.error, code: payload?.error?.code ?? "INTERNAL" };
  const key = `error.${e.code}` as ClinicMessageKey;
  const fields = fieldTexts(locale, e);
  const message =
    key in clinicMessages.en ? t(key) : Object.keys(fields).length ? t("form.fixErrors") : errorText(locale, e);
  return { ok: false, message, fields };
}
