"use client";
// Removes a team member after a confirmation; the server refuses removing the last owner.
import { useRouter } from "next/navigation";
import { Button } from "@/app/_components/button";
import { translator, type Locale } from "@/lib/i18n";
import { clinicMessages } from "@/lib/i18n/messages/clinics";
import { clinicErrorMessage } from "@/app/_components/clinic-error-message";
import { callApi } from "@/lib/http/browser/call-api";
import { useApiSubmit } from "@/lib/http/browser/use-api-submit";

export function RemoveMemberButton({
  slug,
  userId,
  name,
  locale,
}: {
  slug: string;
  userId: string;
  name: string;
  locale: Locale;
}) {
  const t = translator(locale, clinicMessages);
  const router = useRouter();
  const { pending, error, submit } = useApiSubmit(clinicErrorMessage(locale));

  async function remove() {
    if (!window.confirm(t("team.removeConfirm", { name }))) return;
    const result = await submit(() => callApi(`/api/clinics/${slug}/staff/${userId}`, { method: "DELETE" }));
    if (result?.ok) router.refresh();
  }

  return (
    <div className="flex flex-col items-end gap-1">
      <Button variant="secondary" pending={pending} onClick={remove} aria-label={`${t("team.remove")}: ${name}`}>
        {t("team.remove")}
      </Button>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
