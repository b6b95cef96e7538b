// Who is on the other end of a request. A client can send any X-Forwarded-For it likes (and `next start`
// keeps it), so a forwarding header counts only when TRUSTED_PROXY names the platform that sets it;
// otherwise the address is the TCP peer, which web/scripts/serve.ts stamps on every request.
import { env } from "@/lib/env";

/** Overwritten by web/scripts/serve.ts on every request with the socket's remote address. */
export const SOCKET_ADDRESS_HEADER = "x-vete-socket-address";
/** Set by Vercel's edge from the connecting address; a client cannot supply it. */
const VERCEL_ADDRESS_HEADER = "x-vercel-forwarded-for";

/** The headers to read the client's address from, most trusted first; empty when none can be trusted. */
export function trustedAddressHeaders(): string[] {
  const e = env();
  if (e.TRUSTED_PROXY === "vercel") return [VERCEL_ADDRESS_HEADER];
  if (e.VETE_SOCKET_ADDRESS_HEADER === "1") return [SOCKET_ADDRESS_HEADER];
  return [];
}

/** The client's address, or null when no trusted source names one. */
export function clientAddress(headers: Headers): string | null {
  for (const name of trustedAddressHeaders()) {
    const value = headers.get(name)?.split(",")[0]?.trim();
    if (value) return value;
  }
  return null;
}

/** True for 127.0.0.0/8, ::1 and their IPv4-mapped forms. */
export function isLoopbackAddress(address: string | null): boolean {
  if (!address) return false;
  const a = address.toLowerCase().replace(/^::ffff:/, "");
  return a === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(a);
}

/** The request came straight from this machine, with no proxy in between. */
export function isDirectLoopbackRequest(headers: Headers): boolean {
  return env().TRUSTED_PROXY === "none" && isLoopbackAddress(clientAddress(headers));
}
