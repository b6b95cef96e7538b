// /[clinic]/staff - the staff home: who you are here and the clinic's numbers at a glance.
import Link from "next/link";
import { getStaffHomeCounts } from "@/lib/clinics/get-staff-home-counts";
import { loadStaffPage } from "@/lib/clinics/load-staff-page";
import { withUser } from "@/lib/db/context";
import { translator } from "@/lib/i18n";
import { clinicMessages } from "@/lib/i18n/messages/clinics";

export default async function StaffHomePage(props: { params: Promise<{ clinic: string }> }) {
  const { clinic: slug } = await props.params;
  const { user, access, locale } = await loadStaffPage(slug);
  // The layout shows the refusal; pages render nothing for non-staff and never query.
  if (!access.role) return null;
  const t = translator(locale, clinicMessages);
  const clinicId = access.clinic.id;
  const counts = await withUser(user, (db) => getStaffHomeCounts(db, clinicId));
  const number = new Intl.NumberFormat(locale);
  const cards = [
    { label: t("home.clients"), value: counts.clients, href: `/${slug}/staff/clients` },
    { label: t("home.pets"), value: counts.pets, href: `/${slug}/staff/clients` },
    { label: t("home.team"), value: counts.team, href: `/${slug}/staff/team` },
  ];
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <header>
        <h1 className="text-2xl font-semibold">{t("home.title", { clinic: access.clinic.name })}</h1>
        <p className="mt-1 text-slate-600">
          {t("home.welcome", { name: user.name })} {t("home.yourRole", { role: t(`role.${access.role}`) })}
        </p>
      </header>
      <ul className="grid gap-3 sm:grid-cols-3">
        {cards.map((card) => (
          <li key={card.label}>
            <Link href={card.href} className="block rounded-xl bg-white p-4 shadow-sm hover:bg-brand-50">
              <span className="block text-3xl font-semibold text-brand-700">{number.format(card.value)}</span>
              <span className="text-sm text-slate-600">{card.label}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
