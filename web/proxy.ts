// Passes the request path to server components as a header, so the root layout can tell which clinic a page
// belongs to and set <html lang> from that clinic's default language (layouts do not receive the URL).
import { NextResponse, type NextRequest } from "next/server";
import { PATH_HEADER } from "@/lib/i18n/path-header";

export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set(PATH_HEADER, request.nextUrl.pathname);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  // Pages only: API routes, build assets and files with an extension never render a layout.
  matcher: ["/((?!api/|_next/|.*\\.[a-z0-9]+$).*)"],
};
