"use client";
// Staff turn a request into an appointment (pick a free time) or decline it with a message to the client.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/app/_components/button";
import { FormError } from "@/app/_components/form-error";
import { MessageBox } from "@/app/_components/message-box";
import { translator, type Locale } from "@/lib/i18n";
import { appointmentMessages } from "@/lib/i18n/messages/appointments";
import { callApi } from "@/lib/http/browser/call-api";
import { useApiSubmit } from "@/lib/http/browser/use-api-submit";
import { SlotPicker, type PickedSlot } from "@/app/_components/slot-picker";
import { formatWhen } from "@/lib/format/time";

export function RequestActions({
  locale,
  clinicSlug,
  timeZone,
  requestId,
  serviceId,
  petId,
}: {
  locale: Locale;
  clinicSlug: string;
  timeZone: string;
  requestId: string;
  serviceId: string;
  petId: string;
}) {
  const t = translator(locale, appointmentMessages);
  const router = useRouter();
  const [mode, setMode] = useState<"idle" | "book" | "decline">("idle");
  const [slot, setSlot] = useState<PickedSlot | null>(null);
  const [message, setMessage] = useState("");
  const [reloadKey, setReloadKey] = useState(0);
  const { pending, error, submit, reset } = useApiSubmit(
    (e) => e.fields.message?.[0] ?? (e.message || t("form.failed")),
  );
  const base = `/api/clinics/${clinicSlug}/booking-requests/${requestId}`;

  async function run(url: string, body: unknown) {
    const r = await submit(() => callApi(url, { method: "POST", body }));
    if (!r) return;
    if (r.ok) return router.refresh();
    if (r.error.code === "SLOT_TAKEN") {
      setSlot(null);
      setReloadKey((k) => k + 1);
    }
  }

  if (mode === "idle")
    return (
      <div className="flex flex-wrap gap-2">
        <Button onClick={() => setMode("book")}>{t("req.book")}</Button>
        <Button variant="secondary" onClick={() => setMode("decline")}>
          {t("req.decline")}
        </Button>
      </div>
    );
  return (
    <div className="space-y-3">
      <FormError message={error} />
      {mode === "book" ? (
        <>
          <SlotPicker
            locale={locale}
            clinicSlug={clinicSlug}
            timeZone={timeZone}
            serviceId={serviceId}
            vetId={null}
            petId={petId}
            reloadKey={reloadKey}
            selected={slot?.startsAt}
            onPick={setSlot}
          />
          {slot ? (
            <Button
              pending={pending}
              onClick={() => run(`${base}/convert`, { startsAt: slot.startsAt, vetId: slot.vetId })}
            >
              {t("book.confirmButton")} · {formatWhen(slot.startsAt, timeZone, locale)} · {slot.vetName}
            </Button>
          ) : null}
        </>
      ) : (
        <form onSubmit={(e) => (e.preventDefault(), void run(`${base}/decline`, { message }))} className="space-y-2">
          <MessageBox label={t("req.declineMessage")} maxLength={1000} rows={3} value={message} onChange={setMessage} />
          <Button type="submit" variant="danger" pending={pending}>
            {t("req.sendDecline")}
          </Button>
        </form>
      )}
      <Button variant="secondary" onClick={() => (setMode("idle"), reset(), setSlot(null))}>
        {t("book.back")}
      </Button>
    </div>
  );
}
