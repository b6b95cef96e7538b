"use client";
// Staff link a client record to the verified account with the same email (POST .../link).
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/app/_components/button";
import { FormError, FormNotice } from "@/app/_components/form-error";
import { sendJson } from "../../../portal/_components/send-json";

export function LinkLoginButton(props: {
  clinicSlug: string;
  clientId: string;
  label: string;
  done: string;
  failed: string;
}) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [linked, setLinked] = useState(false);

  async function link() {
    setPending(true);
    const r = await sendJson(`/api/clinics/${props.clinicSlug}/clients/${props.clientId}/link`, "POST");
    setPending(false);
    if (!r.ok) return setError(r.message || props.failed);
    setError(null);
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
