// `?next=` and callback targets: only same-origin relative paths, so a link can never send a person elsewhere.

/** Returns `next` when it is a relative path on this site, otherwise `fallback`. */
export function safeNext(next: unknown, fallback = "/"): string {
  if (typeof next !== "string" || next.length > 2000) return fallback;
  if (!next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return fallback;
  if (next.includes("\\") || [...next].some((c) => c.charCodeAt(0) < 0x20)) return fallback;
  try {
    const url = new URL(next, "http://vete.invalid");
    if (url.origin !== "http://vete.invalid") return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}
