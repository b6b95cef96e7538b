"use client";
// Appends an addendum to a finalized visit.
import { useRouter } from "next/navigation";
import { Button } from "@/app/_components/button";
import { TextAreaField } from "@/app/_components/inputs";
import { translator, type Locale } from "@/lib/i18n";
import { visitMessages } from "@/lib/i18n/messages/visits";
import { callApi } from "@/lib/http/browser/call-api";
import { describeWith, useApiSubmit } from "@/lib/http/browser/use-api-submit";

export function AddendumForm(props: { locale: Locale; url: string }) {
  const t = translator(props.locale, visitMessages);
  const router = useRouter();
  const { pending, error, fields, submit } = useApiSubmit(
    describeWith({ fixErrors: t("visit.fixErrors"), failed: t("visit.failed") }),
  );
  async function add(form: FormData) {
    const r = await submit(() =>
      callApi(`${props.url}/addenda`, { method: "POST", body: { body: String(form.get("body") ?? "") } }),
    );
    if (r?.ok) router.refresh();
  }
  return (
    <form action={add} className="space-y-3" noValidate>
      <TextAreaField label={t("visit.addendum")} name="body" error={fields.body} maxLength={4000} />
      <Button type="submit" pending={pending}>
        {t("visit.addAddendum")}
      </Button>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </form>
  );
}
