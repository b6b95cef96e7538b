import Link from "next/link";
import { LanguageSwitch } from "@/app/_components/language-switch";
import { getPageLocale } from "@/lib/auth/get-page-locale";
import { asAnonymous } from "@/lib/db/context";
import { translator } from "@/lib/i18n";
import { commonMessages } from "@/lib/i18n/messages/common";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const locale = await getPageLocale();
  const t = translator(locale, commonMessages);
  const clinics = await asAnonymous(async (db) => {
    const { rows } = await db.query<{ slug: string; name: string }>(
      "select slug, name from public.clinics order by name limit 50",
    );
    return rows;
  });
  return (
    <main className="mx-auto max-w-2xl p-6">
      <div className="flex items-start justify-between gap-4">
        <h1 className="text-3xl font-semibold text-brand-700">Vete</h1>
        <LanguageSwitch current={locale} />
      </div>
      <p className="mt-2 text-slate-600">{t("home.tagline")}</p>
      <h2 className="sr-only">{t("home.clinics")}</h2>
      <ul className="mt-6 space-y-2">
        {clinics.map((c) => (
          <li key={c.slug}>
            <Link className="block rounded-lg bg-white p-4 shadow-sm hover:bg-brand-50" href={`/${c.slug}`}>
              {c.name}
            </Link>
          </li>
        ))}
      </ul>
      <p className="mt-6 text-sm">
        <Link className="text-brand-700 underline" href="/sign-in">
          {t("home.signIn")}
        </Link>
      </p>
    </main>
  );
}
