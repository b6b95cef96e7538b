"use client";
// EN / ES switch usable signed in or out: saves the choice (cookie, and the account when signed in), then re-renders.
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { callApi } from "@/lib/http/browser/call-api";

const options = [
  { locale: "en", label: "English", short: "EN" },
  { locale: "es", label: "Español", short: "ES" },
] as const;

export function LanguageSwitch({ current }: { current: "en" | "es" }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  function choose(locale: "en" | "es") {
    if (locale === current) return;
    startTransition(async () => {
      const r = await callApi("/api/account/locale", { method: "POST", body: { locale } });
      if (!r.ok) document.cookie = `vete_locale=${locale}; path=/; max-age=31536000; samesite=lax`;
      router.refresh();
    });
  }

  return (
    <div
      role="group"
      aria-label="Language / Idioma"
      className="inline-flex rounded-lg border border-slate-300 bg-white p-0.5 text-sm"
    >
      {options.map((o) => (
        <button
          key={o.locale}
          type="button"
          lang={o.locale}
          aria-pressed={o.locale === current}
          disabled={pending}
          onClick={() => choose(o.locale)}
          className="min-h-9 min-w-11 rounded-md px-2 font-medium text-slate-700 aria-pressed:bg-brand-700 aria-pressed:text-white disabled:opacity-60"
        >
          {/* The name is the language's own word; the short code is only what the eye sees. */}
          <span aria-hidden>{o.short}</span>
          <span className="sr-only">{o.label}</span>
        </button>
      ))}
    </div>
  );
}
