// Owners and admins connect the clinic's own Stripe account (Connect, Express): the first time creates the
// account, and every time returns a fresh onboarding link (Stripe's links are single-use and expire within
// minutes). The role check is the database's (get_onboarding_account raises forbidden for anyone else);
// the account id is stored through the system path because it comes from Stripe's answer, not from a person.
import "server-only";
import "./rpc-types";
import { asSystem, withUser } from "@/lib/db/context";
import { rpcOne } from "@/lib/db/rpc";
import type { SessionUser } from "@/lib/db/types";
import { env } from "@/lib/env";
import { getStripe } from "./client";
import { toPaymentError } from "./provider-error";

export interface OnboardingClinic {
  id: string;
  slug: string;
  name: string;
  email: string | null;
}

export async function startPaymentOnboarding(user: SessionUser, clinic: OnboardingClinic): Promise<{ url: string }> {
  const { client } = getStripe();
  const existing = await withUser(user, async (db) => {
    const row = await rpcOne(db, "get_onboarding_account", { p_clinic_id: clinic.id });
    return row?.get_onboarding_account ?? null;
  });
  try {
    let accountId = existing;
    if (!accountId) {
      // One key per clinic: two admins pressing the button at once get the same account from Stripe.
      const account = await client.accounts.create(
        {
          type: "express",
          ...(clinic.email && { email: clinic.email }),
          business_profile: { name: clinic.name },
          metadata: { clinic_id: clinic.id },
        },
        { idempotencyKey: `clinic:${clinic.id}:connect-account` },
      );
      const created = account.id;
      accountId = await asSystem(async (db) => {
        const { rows } = await db.query<{ id: string }>(
          "select private.save_payment_account(p_clinic_id => $1, p_stripe_account_id => $2) as id",
          [clinic.id, created],
        );
        return rows[0]?.id ?? created;
      });
    }
    const settingsUrl = new URL(`/${clinic.slug}/staff/settings`, env().APP_URL);
    const link = await client.accountLinks.create({
      account: accountId,
      type: "account_onboarding",
      refresh_url: `${settingsUrl.href}?payments=refresh`,
      return_url: `${settingsUrl.href}?payments=return`,
    });
    return { url: link.url };
  } catch (err) {
    throw toPaymentError(err);
  }
}
