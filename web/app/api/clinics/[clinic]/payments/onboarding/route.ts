import { apiHandler } from "@/lib/http/api-handler";
import { notFound } from "@/lib/http/respond";
import { startPaymentOnboarding } from "@/lib/stripe/start-payment-onboarding";

// POST /api/clinics/[clinic]/payments/onboarding - owners and admins get a Stripe onboarding link for the clinic
export const POST = apiHandler({ action: "clinic.editSettings" }, async ({ user, access }) => {
  if (!access) throw notFound();
  return startPaymentOnboarding(user, access.clinic);
});
