// /invitations/[token] - accept a staff invitation (the link mailed by invite_staff).
import { ButtonLink, Button } from "@/app/_components/button";
import { FormError } from "@/app/_components/form-error";
import { SignOutButton } from "@/app/_components/sign-out-button";
import { getRequestLocale } from "@/lib/auth/get-request-locale";
import { getSessionUser } from "@/lib/auth/session";
import { translator } from "@/lib/i18n";
import { authMessages } from "@/lib/i18n/messages/auth";
import { acceptInvitationAction } from "./actions";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle(authMessages, "invitationTitle");

const errorKeys = { invalid: "invitationInvalid", wrong_account: "invitationWrongAccount" } as const;

export default async function InvitationPage(props: {
  params: Promise<{ token: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ token }, sp, user] = await Promise.all([props.params, props.searchParams, getSessionUser()]);
  const t = translator(await getRequestLocale(), authMessages);
  const here = `/invitations/${encodeURIComponent(token)}`;
  const errorKey = sp.error === "invalid" || sp.error === "wrong_account" ? errorKeys[sp.error] : null;
  const valid = /^[0-9a-f]{64}$/.test(token);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("invitationTitle")}</h1>
      <FormError message={errorKey ? t(errorKey) : valid ? null : t("invitationInvalid")} />
      {!user ? (
        <>
          <p className="text-slate-600">{t("invitationSignedOut")}</p>
          <ButtonLink href={`/sign-in?next=${encodeURIComponent(here)}`} className="w-full">
            {t("signInTitle")}
          </ButtonLink>
          <ButtonLink href={`/sign-up?next=${encodeURIComponent(here)}`} variant="secondary" className="w-full">
            {t("createAccount")}
          </ButtonLink>
        </>
      ) : valid && errorKey !== "invitationInvalid" ? (
        <form action={acceptInvitationAction} className="space-y-4">
          <p className="break-words text-slate-600">{t("invitationSignedIn", { email: user.email })}</p>
          <input type="hidden" name="token" value={token} />
          <Button type="submit" className="w-full">
            {t("invitationAccept")}
          </Button>
          {errorKey === "invitationWrongAccount" ? (
            <SignOutButton label={t("signOut")} to={`/sign-in?next=${encodeURIComponent(here)}`} className="w-full" />
          ) : null}
        </form>
      ) : null}
    </div>
  );
}
