"use client";
// Archives a pet after a confirmation, then returns to the list.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/app/_components/button";
import { FormError } from "@/app/_components/form-error";
import { sendJson } from "./send-json";

export function ArchivePetButton(props: {
  clinicSlug: string;
  petId: string;
  label: string;
  confirm: string;
  failed: string;
  doneHref: string;
}) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function archive() {
    if (!window.confirm(props.confirm)) return;
    setPending(true);
    const r = await sendJson(`/api/clinics/${props.clinicSlug}/pets/${props.petId}`, "DELETE");
    setPending(false);
    if (!r.ok) return setError(r.message || props.failed);
    router.push(props.doneHref);
    router.refresh();
  }

  return (
    <div className="space-y-2">
      <FormError message={error} />
      <Button variant="danger" pending={pending} onClick={archive}>
        {props.label}
      </Button>
    </div>
  );
}
