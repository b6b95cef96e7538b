// How a failed clinic, team or invitation call reads in the reader's language: the codes people commonly hit
// have their own sentence; anything else says which fields to fix or passes on the server's message.
import type { DescribeApiError } from "@/lib/http/browser/use-api-submit";
import { translator, type Locale } from "@/lib/i18n";
import { clinicMessages, type ClinicMessageKey } from "@/lib/i18n/messages/clinics";

export function clinicErrorMessage(locale: Locale): DescribeApiError {
  const t = translator(locale, clinicMessages);
  return (error) => {
    const key = `error.${error.code}` as ClinicMessageKey;
    if (key in clinicMessages.en) return t(key);
    if (Object.keys(error.fields).length) return t("form.fixErrors");
    return t("form.failed", { message: error.message || String(error.status) });
  };
}
