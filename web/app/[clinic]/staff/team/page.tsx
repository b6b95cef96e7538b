// /[clinic]/staff/team - the team and pending invitations; owners and admins invite and remove.
import type { Metadata } from "next";
import { can, canRemoveMember, invitableRoles } from "@/lib/clinics/permissions";
import { listInvitations } from "@/lib/clinics/list-invitations";
import { listStaff } from "@/lib/clinics/list-staff";
import { loadStaffPage } from "@/lib/clinics/load-staff-page";
import { withUser } from "@/lib/db/context";
import { translator } from "@/lib/i18n";
import { clinicMessages } from "@/lib/i18n/messages/clinics";
import { InviteForm } from "./invite-form";
import { RemoveMemberButton } from "./remove-member-button";
import { HeadedSection } from "@/app/_components/headed-section";

export async function generateMetadata(props: { params: Promise<{ clinic: string }> }): Promise<Metadata> {
  const { locale } = await loadStaffPage((await props.params).clinic);
  return { title: translator(locale, clinicMessages)("team.title") };
}

export default async function TeamPage(props: { params: Promise<{ clinic: string }> }) {
  const { clinic: slug } = await props.params;
  const { user, access, locale } = await loadStaffPage(slug);
  if (!access.role) return null;
  const t = translator(locale, clinicMessages);
  const role = access.role;
  const clinicId = access.clinic.id;
  const canManage = can(access, "team.manage");
  const [staff, invitations] = await withUser(
    user,
    async (db) => [await listStaff(db, clinicId), canManage ? await listInvitations(db, clinicId) : []] as const,
  );
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: access.clinic.timeZone });
  const invitable = invitableRoles(role);

  return (
    <div className="mx-auto max-w-3xl space-y-8">
      <h1 className="text-2xl font-semibold">{t("team.title")}</h1>
      {!canManage ? (
        <p role="status" className="rounded-xl border border-amber-200 bg-amber-50 p-4 text-amber-900">
          {t("role.onlyAdmins")}
        </p>
      ) : null}

      <HeadedSection id="members-heading" title={t("team.members")} className="space-y-3">
        <ul className="divide-y divide-slate-100 rounded-xl bg-white shadow-sm">
          {staff.map((m) => {
            const removable = canRemoveMember({ role, userId: user.userId }, m);
            return (
              <li key={m.userId} className="flex flex-col gap-3 p-4 sm:flex-row sm:items-center sm:justify-between">
                <div className="min-w-0">
                  <p className="font-medium">
                    {m.name}
                    {m.userId === user.userId ? (
                      <span className="ml-1 text-sm text-slate-500">({t("team.you")})</span>
                    ) : null}
                  </p>
                  <p className="break-all text-sm text-slate-600">{m.email}</p>
                  <p className="text-xs text-slate-500">
                    <span className="mr-2 inline-block rounded-full bg-brand-50 px-2 py-0.5 font-medium text-brand-800">
                      {t(`role.${m.role}`)}
                    </span>
                    {t("team.joined", { date: date.format(new Date(m.joinedAt)) })}
                  </p>
                </div>
                {removable ? <RemoveMemberButton slug={slug} userId={m.userId} name={m.name} locale={locale} /> : null}
              </li>
            );
          })}
        </ul>
      </HeadedSection>

      {canManage ? (
        <>
          <HeadedSection id="pending-heading" title={t("team.pending")} className="space-y-3">
            {invitations.length ? (
              <ul className="divide-y divide-slate-100 rounded-xl bg-white shadow-sm">
                {invitations.map((i) => (
                  <li key={i.id} className="flex flex-col gap-1 p-4 sm:flex-row sm:items-center sm:justify-between">
                    <span className="break-all">{i.email}</span>
                    <span className="text-sm text-slate-600">
                      {t(`role.${i.role}`)} · {t("team.expires", { date: date.format(new Date(i.expiresAt)) })}
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-slate-600">{t("team.noPending")}</p>
            )}
          </HeadedSection>
          <section aria-labelledby="invite-heading" className="space-y-3 rounded-xl bg-white p-4 shadow-sm sm:p-6">
            <div>
              <h2 id="invite-heading" className="text-lg font-semibold">
                {t("team.inviteTitle")}
              </h2>
              <p className="text-sm text-slate-600">{t("team.inviteHint")}</p>
            </div>
            <InviteForm slug={slug} locale={locale} roles={invitable} />
          </section>
        </>
      ) : null}
    </div>
  );
}
