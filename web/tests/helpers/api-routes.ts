// Discovers the JSON API from the file system (web/app/api/**/route.ts) so sweeps cover routes added later.
import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export interface ApiRoute {
  /** route file relative to web/app */
  file: string;
  /** URL path with dynamic segments filled in */
  url: string;
  methods: HttpMethod[];
}

export interface RouteOptions {
  /** value for the [clinic] segment */
  clinicSlug: string;
}

function routeFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...routeFiles(full));
    else if (/^route\.(ts|tsx|js)$/.test(entry.name)) out.push(full);
  }
  return out;
}

/** Methods a route file exports: `export const GET =`, `export async function GET(`, `export { GET }`. */
export function exportedMethods(source: string): HttpMethod[] {
  const found = new Set<HttpMethod>();
  for (const m of HTTP_METHODS) {
    const direct = new RegExp(`export\\s+(?:const|let|var|(?:async\\s+)?function)\\s+${m}\\b`);
    const list = new RegExp(`export\\s*\\{[^}]*\\b(?:as\\s+)?${m}\\b[^}]*\\}`);
    if (direct.test(source) || list.test(source)) found.add(m);
  }
  return HTTP_METHODS.filter((m) => found.has(m));
}

/**
 * Every API route with a concrete URL: [clinic] becomes the given slug, other [param]s a random UUID.
 * Catch-all segments ([...all], better-auth's handler) are skipped: they are someone else's router.
 */
export function discoverApiRoutes(appDir: string, opts: RouteOptions): ApiRoute[] {
  const routes: ApiRoute[] = [];
  for (const file of routeFiles(path.join(appDir, "api")).sort()) {
    const rel = path.relative(appDir, path.dirname(file));
    const segments = rel.split(path.sep);
    if (segments.some((s) => s.startsWith("[...") || s.startsWith("[[..."))) continue;
    if (segments.some((s) => s.startsWith("_") || s.startsWith("@"))) continue;
    const urlSegments = segments
      .filter((s) => !(s.startsWith("(") && s.endsWith(")")))
      .map((s) => (s === "[clinic]" ? opts.clinicSlug : s.startsWith("[") ? randomUUID() : s));
    const methods = exportedMethods(readFileSync(file, "utf8"));
    if (methods.length) routes.push({ file: path.relative(appDir, file), url: `/${urlSegments.join("/")}`, methods });
  }
  return routes;
}
