// Client portal shell: sign-in required (back here afterwards), then the clinic's header and the portal nav.
// Not a security boundary: each page loads its own context and every query runs under the user's RLS.
import Link from "next/link";
import { LanguageSwitch } from "@/app/_components/language-switch";
import { SignOutButton } from "@/app/_components/sign-out-button";
import { loadPortalPage } from "@/lib/clients/load-portal-page";
import { translator } from "@/lib/i18n";
import { billingMessages } from "@/lib/i18n/messages/billing";
import { clientMessages } from "@/lib/i18n/messages/clients";
import { DeliveryNotices } from "@/app/_components/delivery-notices";

export const dynamic = "force-dynamic";

export default async function PortalLayout(props: { children: React.ReactNode; params: Promise<{ clinic: string }> }) {
  const { clinic: slug } = await props.params;
  const { access, locale } = await loadPortalPage(slug);
  const t = translator(locale, clientMessages);
  const tb = translator(locale, billingMessages);
  const base = `/${access.clinic.slug}/portal`;
  return (
    <div lang={locale} className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-2xl items-center justify-between gap-2 px-4 py-3">
          <Link href={`/${access.clinic.slug}`} className="min-w-0 truncate text-lg font-semibold text-brand-700">
            {access.clinic.name}
          </Link>
          <div className="flex shrink-0 items-center gap-2">
            <LanguageSwitch current={locale} />
            <SignOutButton label={t("portal.signOut")} className="px-3" />
          </div>
        </div>
        {access.clientId ? (
          <nav
            aria-label={t("portal.title")}
            className="mx-auto flex max-w-2xl gap-4 overflow-x-auto px-4 pb-2 text-sm font-medium whitespace-nowrap"
          >
            <Link href={base} className="py-2 text-slate-700 hover:text-brand-700">
              {t("portal.title")}
            </Link>
            <Link href={`${base}/appointments`} className="py-2 text-slate-700 hover:text-brand-700">
              {t("portal.appointments")}
            </Link>
            <Link href={`${base}/book`} className="py-2 text-slate-700 hover:text-brand-700">
              {t("portal.book")}
            </Link>
            <Link href={`${base}/invoices`} className="py-2 text-slate-700 hover:text-brand-700">
              {tb("portal.title")}
            </Link>
            <Link href={`${base}/profile`} className="py-2 text-slate-700 hover:text-brand-700">
              {t("portal.profile")}
            </Link>
          </nav>
        ) : null}
      </header>
      <main className="mx-auto max-w-2xl px-4 py-6">
        <DeliveryNotices />
        {props.children}
      </main>
    </div>
  );
}
