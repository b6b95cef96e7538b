"use client";
// Removes a team member after a confirmation; the server refuses removing the last owner.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/app/_components/button";
import { translator, type Locale } from "@/lib/i18n";
import { clinicMessages } from "@/lib/i18n/messages/clinics";
import { sendJson } from "../settings/send-json";

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
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function remove() {
    if (!window.confirm(t("team.removeConfirm", { name }))) return;
    setPending(true);
    setError(null);
    const result = await sendJson(`/api/clinics/${slug}/staff/${userId}`, "DELETE", locale);
    setPending(false);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    router.refresh();
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
