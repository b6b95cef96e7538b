// GET /api/clinics/[clinic]/invitations - pending staff invitations (owners and admins)
import { inviteStaff, inviteStaffInput } from "@/lib/clinics/invite-staff";
import { listInvitations } from "@/lib/clinics/list-invitations";
import { withUser } from "@/lib/db/context";
import { spendInvitation } from "@/lib/rate-limits/abuse-limits";
import { apiHandler } from "@/lib/http/api-handler";
import { notFound } from "@/lib/http/respond";

export const GET = apiHandler({ action: "team.manage" }, async ({ user, access }) => {
  if (!access) throw notFound();
  const clinicId = access.clinic.id;
  return { invitations: await withUser(user, (db) => listInvitations(db, clinicId)) };
});

// POST /api/clinics/[clinic]/invitations - invite a person by email with a role (link mailed via outbox)
export const POST = apiHandler(
  { body: inviteStaffInput, action: "team.manage", status: 201 },
  async ({ user, access, body }) => {
    if (!access) throw notFound();
    const clinicId = access.clinic.id;
    await spendInvitation(clinicId);
    return { invitation: await withUser(user, (db) => inviteStaff(db, clinicId, body)) };
  },
);
