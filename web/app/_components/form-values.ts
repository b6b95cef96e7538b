// Reading typed values out of a submitted form. Empty means null, so clearing an input clears the value; a
// number field holding something that is not a number is sent as typed, so the server names the field.

export function textOrNull(form: FormData, name: string): string | null {
  const value = String(form.get(name) ?? "").trim();
  return value === "" ? null : value;
}

/** The number typed (a decimal comma accepted), or the raw text when it is not one. */
export function numberOrText(form: FormData, name: string): number | string {
  const raw = String(form.get(name) ?? "")
    .trim()
    .replace(",", ".");
  const n = Number(raw);
  return raw !== "" && Number.isFinite(n) ? n : raw;
}
