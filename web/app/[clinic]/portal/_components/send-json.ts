// Browser-side call to one of our JSON routes, returning either the data or the error's message and fields.
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
    const payload = (await res.json().catch(() => null)) as {
      error?: { code?: string; message?: string; fields?: Record<string, string[]> };
    } | null;
    if (res.ok) return { ok: true, data: payload as T };
    const e = payload?.error ?? {};
    return {
      ok: false,
      status: res.status,
      code: e.code ?? "INTERNAL",
      message: e.message ?? "",
      fields: e.fields ?? {},
    };
  } catch {
    return { ok: false, status: 0, code: "NETWORK", message: "", fields: {} };
  }
}

/** "" -> null, so clearing an input clears the value. */
export function textOrNull(form: FormData, name: string): string | null {
  const v = String(form.get(name) ?? "").trim();
  return v === "" ? null : v;
}
