// What not-found.tsx shows, in the page's language.
import { getPageLocale } from "@/lib/auth/get-page-locale";
import { translator } from "@/lib/i18n";
import { commonMessages } from "@/lib/i18n/messages/common";
import { ButtonLink } from "./button";
import { StatusScreen } from "./status-screen";

export async function NotFoundScreen({ fullPage }: { fullPage?: boolean }) {
  const t = translator(await getPageLocale(), commonMessages);
  return (
    <StatusScreen status="404" title={t("notFound.title")} body={t("notFound.body")} fullPage={fullPage}>
      <ButtonLink href="/">{t("notFound.home")}</ButtonLink>
    </StatusScreen>
  );
}
