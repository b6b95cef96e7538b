"use client";
// Staff link a client record to the verified account with the same email (POST .../link).
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/app/_components/button";
import { FormError, FormNotice } from "@/app/_components/form-error";
import { callApi } from "@/lib/http/browser/call-api";
import { useApiSubmit } from "@/lib/http/browser/use-api-submit";

export function LinkLoginButton(props: {
  clinicSlug: string;
  clientId: string;
  label: string;
  done: string;
  failed: string;
}) {
  const router = useRouter();
  const { pending, error, submit } = useApiSubmit((e) => e.message || props.failed);
  const [linked, setLinked] = useState(false);

  async function link() {
    const r = await submit(() =>
      callApi(`/api/clinics/${props.clinicSlug}/clients/${props.clientId}/link`, { method: "POST" }),
    );
    if (!r?.ok) return;
    setLinked(true);
    router.refresh();
  }

  return (
    <div className="space-y-2">
      <FormError message={error} />
      {linked ? <FormNotice>{props.done}</FormNotice> : null}
      <Button variant="secondary" pending={pending} onClick={link}>
        {props.label}
      </Button>
    </div>
  );
}
