"use client";
// Archives a pet after a confirmation, then returns to the list.
import { useRouter } from "next/navigation";
import { Button } from "@/app/_components/button";
import { FormError } from "@/app/_components/form-error";
import { callApi } from "@/lib/http/browser/call-api";
import { useApiSubmit } from "@/lib/http/browser/use-api-submit";

export function ArchivePetButton(props: {
  clinicSlug: string;
  petId: string;
  label: string;
  confirm: string;
  failed: string;
  doneHref: string;
}) {
  const router = useRouter();
  const { pending, error, submit } = useApiSubmit((e) => e.message || props.failed);

  async function archive() {
    if (!window.confirm(props.confirm)) return;
    const r = await submit(() => callApi(`/api/clinics/${props.clinicSlug}/pets/${props.petId}`, { method: "DELETE" }));
    if (!r?.ok) return;
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
