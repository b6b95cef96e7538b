// Staff dashboard shell: signed-out people go to sign-in, non-staff get a 403, staff get the nav.
import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { LanguageSwitch } from "@/app/_components/language-switch";
import { SignOutButton } from "@/app/_components/sign-out-button";
import { loadStaffPage } from "@/lib/clinics/load-staff-page";
import { translator } from "@/lib/i18n";
import { clinicMessages } from "@/lib/i18n/messages/clinics";
import { navLinksFor } from "./nav-items";
import { StaffNav } from "./staff-nav";
import { StaffSearch } from "./staff-search";
import { DeliveryNotices } from "@/app/_components/delivery-notices";

export const dynamic = "force-dynamic";

export async function generateMetadata(props: { params: Promise<{ clinic: string }> }): Promise<Metadata> {
  const { clinic } = await props.params;
  const { access } = await loadStaffPage(clinic);
  return { title: { default: access.clinic.name, template: `%s · ${access.clinic.name}` } };
}

export default async function StaffLayout(props: { children: React.ReactNode; params: Promise<{ clinic: string }> }) {
  const { clinic: slug } = await props.params;
  const { user, access, locale } = await loadStaffPage(slug);
  const t = translator(locale, clinicMessages);
  const clinic = access.clinic;

  // A real 403 status (not a 200 page) for someone signed in who is not on the staff: see ../forbidden.tsx.
  if (!access.role) forbidden();

  return (
    <div lang={locale} className="min-h-screen md:flex">
      <aside className="border-b border-slate-200 bg-white px-4 print:hidden pb-2 pt-3 md:sticky md:top-0 md:flex md:h-screen md:w-60 md:shrink-0 md:flex-col md:gap-4 md:border-b-0 md:border-r md:py-6">
        <div className="mb-2 flex items-center justify-between gap-2 md:mb-0 md:block">
          <div className="min-w-0">
            <Link href={`/${clinic.slug}/staff`} className="block truncate text-lg font-semibold text-brand-700">
              {clinic.name}
            </Link>
            <p className="text-xs uppercase tracking-wide text-slate-500">{t("shell.title")}</p>
          </div>
          <div className="flex shrink-0 items-center gap-2 md:hidden">
            <LanguageSwitch current={locale} />
            <SignOutButton label={t("shell.signOut")} className="px-3" />
          </div>
        </div>
        <StaffSearch clinicSlug={clinic.slug} locale={locale} />
        <StaffNav links={navLinksFor(clinic.slug, access.role, locale)} label={t("shell.menu")} />
        <div className="hidden md:mt-auto md:flex md:flex-col md:gap-3">
          <p className="truncate text-sm text-slate-600">{t("shell.signedInAs", { name: user.name })}</p>
          <LanguageSwitch current={locale} />
          <SignOutButton label={t("shell.signOut")} />
        </div>
      </aside>
      <main className="min-w-0 flex-1 px-4 py-6 md:px-8">
        <DeliveryNotices />
        {props.children}
      </main>
    </div>
  );
}
