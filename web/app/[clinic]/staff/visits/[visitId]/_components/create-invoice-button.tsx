"use client";
// Turns the signed visit's charges into a draft invoice and opens it; a repeat opens the same invoice. After a
// void the same press (labelled "Invoice again") makes a new draft: the SQL keeps one live invoice per visit.
import { useRouter } from "next/navigation";
import { Button } from "@/app/_components/button";
import { translator, type Locale } from "@/lib/i18n";
import { visitMessages } from "@/lib/i18n/messages/visits";
import { callApi } from "@/lib/http/browser/call-api";
import { useApiSubmit } from "@/lib/http/browser/use-api-submit";

export function CreateInvoiceButton(props: { locale: Locale; url: string; invoicesPath: string; again?: boolean }) {
  const t = translator(props.locale, visitMessages);
  const router = useRouter();
  const { pending, error, submit } = useApiSubmit((e) => e.message || t("visit.failed"));
  async function create() {
    const r = await submit(() => callApi<{ invoice: { id: string } }>(`${props.url}/invoice`, { method: "POST" }));
    if (r?.ok) router.push(`${props.invoicesPath}/${r.data.invoice.id}`);
  }
  return (
    <div className="space-y-1">
      <Button pending={pending} onClick={create}>
        {props.again ? t("visit.invoiceAgain") : t("visit.createInvoice")}
      </Button>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
