"use client";
// Upload, replace or remove a pet's photo (owner in the portal, staff on the client's page). The server checks
// the file's real type and size and resizes it; this only words the refusals in the page's language.
import { useId, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/app/_components/button";
import { FormNotice } from "@/app/_components/form-error";
import { callApi, type ApiError } from "@/lib/http/browser/call-api";
import { uploadFile } from "@/lib/http/browser/upload-file";
import { useApiSubmit } from "@/lib/http/browser/use-api-submit";
import { translator, type Locale } from "@/lib/i18n";
import { petPhotoMessages } from "@/lib/i18n/messages/pet-photos";

export function PetPhotoUpload(props: {
  locale: Locale;
  clinicSlug: string;
  petId: string;
  petName: string;
  hasPhoto: boolean;
}) {
  const t = translator(props.locale, petPhotoMessages);
  const router = useRouter();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [done, setDone] = useState(false);
  const [missing, setMissing] = useState(false);
  const describe = (e: ApiError) => {
    if (e.code === "PAYLOAD_TOO_LARGE") return t("tooLarge");
    if (e.code === "UNSUPPORTED_MEDIA_TYPE") return t("badType");
    if (e.code === "INVALID_INPUT" && e.fields.photo) return t("unreadable");
    return e.message || t("failed");
  };
  const { pending, error, submit, reset } = useApiSubmit(describe);
  const url = `/api/clinics/${props.clinicSlug}/pets/${props.petId}/photo`;
  const message = missing ? t("chooseFirst") : error;

  async function upload() {
    setDone(false);
    const file = input.current?.files?.[0];
    setMissing(!file);
    if (!file) return;
    const r = await submit(() => uploadFile(url, "photo", file));
    if (!r?.ok) return;
    if (input.current) input.current.value = "";
    setDone(true);
    router.refresh();
  }

  async function remove() {
    if (!window.confirm(t("removeConfirm", { name: props.petName }))) return;
    setDone(false);
    const r = await submit(() => callApi(url, { method: "DELETE" }));
    if (r?.ok) router.refresh();
  }

  return (
    <div className="space-y-2">
      <label htmlFor={inputId} className="block text-sm font-medium text-slate-800">
        {t("label")}
      </label>
      <input
        ref={input}
        id={inputId}
        name="photo"
        type="file"
        accept="image/jpeg,image/png,image/webp"
        aria-invalid={message ? true : undefined}
        aria-describedby={`${inputId}-hint${message ? ` ${inputId}-error` : ""}`}
        onChange={() => {
          setMissing(false);
          setDone(false);
          reset();
        }}
        className="block w-full text-sm text-slate-700 file:mr-3 file:min-h-11 file:rounded-lg file:border file:border-slate-300 file:bg-white file:px-4 file:py-2 file:text-sm file:font-medium"
      />
      <p id={`${inputId}-hint`} className="text-xs text-slate-500">
        {t("hint")}
      </p>
      {message ? (
        <p id={`${inputId}-error`} className="text-sm text-red-700" role="alert">
          {message}
        </p>
      ) : null}
      {done ? <FormNotice>{t("uploaded")}</FormNotice> : null}
      <div className="flex flex-wrap gap-2">
        <Button type="button" pending={pending} onClick={upload}>
          {props.hasPhoto ? t("replace") : t("upload")}
        </Button>
        {props.hasPhoto ? (
          <Button type="button" variant="secondary" disabled={pending} onClick={remove}>
            {t("remove")}
          </Button>
        ) : null}
      </div>
    </div>
  );
}
