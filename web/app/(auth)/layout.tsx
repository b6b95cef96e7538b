// Centered card layout for sign-up, sign-in, password, account and invitation pages; phone-first.
import { SiteHeader } from "@/app/_components/site-header";
import { getRequestLocale } from "@/lib/auth/get-request-locale";

export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  const locale = await getRequestLocale();
  return (
    <div className="flex min-h-screen flex-col" lang={locale}>
      <SiteHeader locale={locale} />
      <main className="mx-auto w-full max-w-md flex-1 px-4 pb-12 pt-4">
        <div className="rounded-2xl bg-white p-5 shadow-sm sm:p-8">{children}</div>
      </main>
    </div>
  );
}
