"use client";
// Cancel with a reason: a small inline form that opens from the appointment card (client or staff).
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/app/_components/button";
import { FormError } from "@/app/_components/form-error";
import { MessageBox } from "./message-box";
import { translator, type Locale } from "@/lib/i18n";
import { appointmentMessages } from "@/lib/i18n/messages/appointments";
import { callApi } from "@/lib/http/browser/call-api";
import { useApiSubmit } from "@/lib/http/browser/use-api-submit";

export function CancelAppointmentButton({
  locale,
  clinicSlug,
  appointmentId,
  doneHref,
}: {
  locale: Locale;
  clinicSlug: string;
  appointmentId: string;
  doneHref?: string;
}) {
  const t = translator(locale, appointmentMessages);
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const { pending, error, submit } = useApiSubmit((e) => e.fields.reason?.[0] ?? (e.message || t("form.failed")));

  async function cancel(e: React.FormEvent) {
    e.preventDefault();
    const r = await submit(() =>
      callApi(`/api/clinics/${clinicSlug}/appointments/${appointmentId}/cancel`, { method: "POST", body: { reason } }),
    );
    if (!r?.ok) return;
    setOpen(false);
    if (doneHref) router.push(doneHref);
    router.refresh();
  }

  if (!open)
    return (
      <Button variant="secondary" onClick={() => setOpen(true)}>
        {t("list.cancel")}
      </Button>
    );
  return (
    <form onSubmit={cancel} className="w-full space-y-2">
      <MessageBox label={t("list.cancelReason")} maxLength={500} rows={2} value={reason} onChange={setReason} />
      <FormError message={error} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="danger" pending={pending}>
          {t("list.cancelConfirm")}
        </Button>
        <Button variant="secondary" onClick={() => setOpen(false)}>
          {t("list.keep")}
        </Button>
      </div>
    </form>
  );
}
