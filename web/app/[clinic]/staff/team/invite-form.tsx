"use client";
// Invite a person by email with a role; the server mails the link (admins cannot offer "owner").
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/app/_components/button";
import { Field } from "@/app/_components/field";
import { LabelledSelect } from "@/app/_components/inputs";
import { FormError, FormNotice } from "@/app/_components/form-error";
import type { StaffRole } from "@/lib/clinics/permissions";
import { translator, type Locale } from "@/lib/i18n";
import { clinicMessages } from "@/lib/i18n/messages/clinics";
import { clinicErrorMessage } from "@/app/_components/clinic-error-message";
import { callApi } from "@/lib/http/browser/call-api";
import { useApiSubmit } from "@/lib/http/browser/use-api-submit";

export function InviteForm({ slug, locale, roles }: { slug: string; locale: Locale; roles: readonly StaffRole[] }) {
  const t = translator(locale, clinicMessages);
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<StaffRole>(roles.includes("vet") ? "vet" : (roles[0] ?? "vet"));
  const { pending, error, fields, submit } = useApiSubmit(clinicErrorMessage(locale));
  const [notice, setNotice] = useState<string | null>(null);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setNotice(null);
    const result = await submit(() =>
      callApi<{ invitation: { email: string } }>(`/api/clinics/${slug}/invitations`, {
        method: "POST",
        body: { email, role },
      }),
    );
    if (!result?.ok) return;
    setEmail("");
    setNotice(t("team.invited", { email: result.data.invitation.email }));
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormError message={error} />
      {notice ? <FormNotice>{notice}</FormNotice> : null}
      <div className="grid gap-4 sm:grid-cols-[1fr_12rem]">
        <Field
          label={t("team.email")}
          name="email"
          type="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={fields.email}
          required
          autoComplete="off"
        />
        <LabelledSelect
          label={t("team.role")}
          id="invite-role"
          name="role"
          value={role}
          onChange={(e) => setRole(e.target.value as StaffRole)}
          className="min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100"
          error={fields.role?.[0]}
        >
          {roles.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </LabelledSelect>
      </div>
      <Button type="submit" pending={pending} className="w-full sm:w-auto">
        {t("team.invite")}
      </Button>
    </form>
  );
}
