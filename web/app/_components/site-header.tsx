// The top bar of the pages outside a clinic's portal and staff area: the Vete name home and the language switch.
import Link from "next/link";
import type { Locale } from "@/lib/i18n";
import { LanguageSwitch } from "./language-switch";

export function SiteHeader({ locale, gap = false }: { locale: Locale; gap?: boolean }) {
  return (
    <header className={`flex items-center justify-between ${gap ? "gap-2 " : ""}px-4 py-3`}>
      <Link href="/" className="text-xl font-semibold text-brand-700">
        Vete
      </Link>
      <LanguageSwitch current={locale} />
    </header>
  );
}
