"use client";
// Signs the visit after a confirmation: from then on it is frozen and corrections are addenda.
import { useRouter } from "next/navigation";
import { Button } from "@/app/_components/button";
import { translator, type Locale } from "@/lib/i18n";
import { visitMessages } from "@/lib/i18n/messages/visits";
import { callApi } from "@/lib/http/browser/call-api";
import { useApiSubmit } from "@/lib/http/browser/use-api-submit";

export function FinalizeButton(props: { locale: Locale; url: string }) {
  const t = translator(props.locale, visitMessages);
  const router = useRouter();
  const { pending, error, submit } = useApiSubmit((e) => e.message || t("visit.failed"));
  async function finalize() {
    if (!window.confirm(t("visit.finalizeConfirm"))) return;
    const r = await submit(() => callApi(`${props.url}/finalize`, { method: "POST" }));
    if (r?.ok) router.refresh();
  }
  return (
    <div className="space-y-1">
      <Button variant="danger" pending={pending} onClick={finalize}>
        {t("visit.finalize")}
      </Button>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
