import type { Metadata, Viewport } from "next";
import { LocaleProvider } from "@/app/_components/locale-provider";
import { getPageLocale } from "@/lib/auth/get-page-locale";
import { translator } from "@/lib/i18n";
import { commonMessages } from "@/lib/i18n/messages/common";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = translator(await getPageLocale(), commonMessages);
  return { title: { default: "Vete", template: "%s · Vete" }, description: t("meta.description") };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getPageLocale();
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <LocaleProvider locale={locale}>{children}</LocaleProvider>
      </body>
    </html>
  );
}
