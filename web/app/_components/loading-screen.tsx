"use client";
// Shown by loading.tsx while a page waits on the database: a polite live region, so screen readers hear it.
import { translator } from "@/lib/i18n";
import { commonMessages } from "@/lib/i18n/messages/common";
import { useLocale } from "./locale-provider";

export function LoadingScreen() {
  const t = translator(useLocale(), commonMessages);
  return (
    <div role="status" className="flex items-center gap-3 py-8 text-slate-600">
      <span aria-hidden className="size-5 animate-spin rounded-full border-2 border-brand-600 border-t-transparent" />
      {t("loading")}
    </div>
  );
}
