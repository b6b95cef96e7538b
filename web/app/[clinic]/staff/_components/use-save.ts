"use client";
// The staff settings forms (schedules, services): save, say "saved" and reload the page's server data.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { translator, type Locale } from "@/lib/i18n";
import { appointmentMessages } from "@/lib/i18n/messages/appointments";
import { callApi, type ApiMethod } from "@/lib/http/browser/call-api";
import { describeWith, useApiSubmit } from "@/lib/http/browser/use-api-submit";

export function useSave(locale: Locale) {
  const t = translator(locale, appointmentMessages);
  const router = useRouter();
  const { pending, error, fields, submit } = useApiSubmit(
    describeWith({ fixErrors: t("form.fixErrors"), failed: t("form.failed") }),
  );
  const [saved, setSaved] = useState(false);
  /** True when the server took it. */
  async function save(url: string, method: ApiMethod, body?: unknown): Promise<boolean> {
    setSaved(false);
    const r = await submit(() => callApi(url, { method, body }));
    if (!r?.ok) return false;
    setSaved(true);
    router.refresh();
    return true;
  }
  return { pending, error, fields, saved, save };
}
