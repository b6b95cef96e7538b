// The browser's way to send one file to a Vete route (multipart/form-data), with failures shaped exactly like
// callApi's: one typed ApiError whatever went wrong.
import { documentLocale, errorText } from "@/lib/i18n/error-text";
import { readApiError, type ApiResult } from "./call-api";

export async function uploadFile<T>(url: string, field: string, file: Blob): Promise<ApiResult<T>> {
  const form = new FormData();
  form.append(field, file);
  let res: Response;
  try {
    res = await fetch(url, { method: "POST", cache: "no-store", body: form });
  } catch {
    const message = errorText(documentLocale(), { code: "NETWORK" });
    return { ok: false, error: { status: 0, code: "NETWORK", message, fields: {}, details: {} } };
  }
  const payload: unknown = await res.json().catch(() => null);
  if (res.ok) return { ok: true, data: payload as T };
  return { ok: false, error: readApiError(res.status, payload) };
}
