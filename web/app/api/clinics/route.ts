// POST /api/clinics - create a clinic (the caller becomes its owner); GET /api/clinics - the caller's clinics
import { createClinic, createClinicInput } from "@/lib/clinics/create-clinic";
import { listMyClinics } from "@/lib/clinics/list-my-clinics";
import { withUser } from "@/lib/db/context";
import { AppError } from "@/lib/errors";
import { spendClinicCreation } from "@/lib/rate-limits/abuse-limits";
import { apiHandler } from "@/lib/http/api-handler";

export const POST = apiHandler({ body: createClinicInput, status: 201 }, async ({ body, user }) => {
  if (!user.emailVerified) {
    throw new AppError("EMAIL_NOT_VERIFIED", "Verify your email address before creating a clinic.", { status: 403 });
  }
  await spendClinicCreation(user.userId);
  const clinic = await withUser(user, (db) => createClinic(db, body));
  return { clinic };
});

// GET /api/clinics - clinics where the caller is staff or a client
export const GET = apiHandler({}, async ({ user }) => ({ clinics: await withUser(user, (db) => listMyClinics(db)) }));
