// Centered card layout for sign-up, sign-in, password, account and invitation pages; phone-first.
import Link from "next/link";
import { LanguageSwitch } from "@/app/_components/language-switch";
import { getRequestLocale } from "@/lib/auth/get-request-locale";

export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  const locale = await getRequestLocale();
  return (
    <div className="flex min-h-screen flex-col" lang={locale}>
      <header className="flex items-center justify-between px-4 py-3">
        <Link href="/" className="text-xl font-semibold text-brand-700">
          Vete
        </Link>
        <LanguageSwitch current={locale} />
      </header>
      <main className="mx-auto w-full max-w-md flex-1 px-4 pb-12 pt-4">
        <div className="rounded-2xl bg-white p-5 shadow-sm sm:p-8">{children}</div>
      </main>
    </div>
  );
}
