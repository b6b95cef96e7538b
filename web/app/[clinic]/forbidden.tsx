// 403 for a signed-in person who is not on this clinic's staff (the staff layout calls forbidden()), in the
// page's language, with the ways they can still use: their client portal, the clinic's page, home.
import { ButtonLink } from "@/app/_components/button";
import { StatusScreen } from "@/app/_components/status-screen";
import { getPageClinic, getPageLocale } from "@/lib/auth/get-page-locale";
import { getSessionUser } from "@/lib/auth/session";
import { translator } from "@/lib/i18n";
import { commonMessages } from "@/lib/i18n/messages/common";

export default async function Forbidden() {
  const [locale, clinic, user] = await Promise.all([getPageLocale(), getPageClinic(), getSessionUser()]);
  const t = translator(locale, commonMessages);
  return (
    <main>
      <StatusScreen
        status="403"
        title={t("forbidden.title", { clinic: clinic?.name ?? "" })}
        body={t("forbidden.body", { email: user?.email ?? "" })}
        fullPage
      >
        {clinic ? (
          <>
            <ButtonLink href={`/${clinic.slug}/portal`}>{t("forbidden.portal")}</ButtonLink>
            <ButtonLink href={`/${clinic.slug}`} variant="secondary">
              {t("forbidden.publicPage")}
            </ButtonLink>
          </>
        ) : null}
        <ButtonLink href="/" variant="secondary">
          {t("error.home")}
        </ButtonLink>
      </StatusScreen>
    </main>
  );
}
