"use client";
// Opens a walk-in visit for this pet and goes to its editor.
import { useRouter } from "next/navigation";
import { Button } from "@/app/_components/button";
import { callApi } from "@/lib/http/browser/call-api";
import { useApiSubmit } from "@/lib/http/browser/use-api-submit";

export function OpenWalkInButton(props: { clinicSlug: string; petId: string; label: string; failed: string }) {
  const router = useRouter();
  const { pending, error, submit } = useApiSubmit((e) => e.message || props.failed);
  async function open() {
    const r = await submit(() =>
      callApi<{ visit: { id: string } }>(`/api/clinics/${props.clinicSlug}/visits`, {
        method: "POST",
        body: { petId: props.petId },
      }),
    );
    if (r?.ok) router.push(`/${props.clinicSlug}/staff/visits/${r.data.visit.id}`);
  }
  return (
    <div className="space-y-1">
      <Button variant="secondary" pending={pending} onClick={open}>
        {props.label}
      </Button>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
