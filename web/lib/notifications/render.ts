// Outbox rows store a template name + payload; text is rendered at delivery (and in the dev mailbox) in
// the recipient's language, plain text plus simple HTML. Templates live one per file in ./templates.
import type { Locale } from "@/lib/i18n";
import { headerSafe } from "./header-safe";
import { templates } from "./templates";

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
}

export interface TemplateContext {
  /** Absolute base URL of the app, for links (payloads carry paths or absolute URLs). */
  appUrl: string;
}

export type Template = (
  payload: Record<string, unknown>,
  locale: Locale,
  ctx: TemplateContext,
) => { subject: string; lines: string[]; link?: { label: string; url: string } };

export function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );
}

export function absoluteUrl(pathOrUrl: unknown, appUrl: string): string {
  const s = typeof pathOrUrl === "string" ? pathOrUrl : "";
  if (/^https?:\/\//.test(s)) return s;
  return `${appUrl.replace(/\/$/, "")}${s.startsWith("/") ? s : `/${s}`}`;
}

export function str(v: unknown, fallback = ""): string {
  return typeof v === "string" || typeof v === "number" ? String(v) : fallback;
}

export function renderMessage(
  template: string,
  locale: Locale,
  payload: Record<string, unknown>,
  ctx: TemplateContext,
): RenderedMessage {
  const t = templates[template];
  if (!t) throw new Error(`unknown message template: ${template}`);
  const { subject, lines, link } = t(payload, locale, ctx);
  const textParts = [...lines];
  if (link) textParts.push("", `${link.label}: ${link.url}`);
  const text = textParts.join("\n");
  const htmlBody = lines.map((l) => (l === "" ? "" : `<p>${escapeHtml(l)}</p>`)).join("\n");
  const htmlLink = link
    ? `\n<p><a href="${escapeHtml(link.url)}" style="display:inline-block;padding:10px 16px;background:#0b6e4f;color:#fff;border-radius:6px;text-decoration:none">${escapeHtml(link.label)}</a></p>\n<p style="color:#64748b;font-size:12px">${escapeHtml(link.url)}</p>`
    : "";
  const html = `<!doctype html><html lang="${locale}"><body style="font-family:system-ui,sans-serif;color:#0f172a;max-width:560px">\n${htmlBody}${htmlLink}\n</body></html>`;
  return { subject: headerSafe(subject), text, html };
}
