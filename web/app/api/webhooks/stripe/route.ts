import { AppError } from "@/lib/errors";
import { readBodyText } from "@/lib/http/parse";
import { errorResponse, json } from "@/lib/http/respond";
import { applyStripeWebhook, verifyStripeEvent } from "@/lib/stripe/apply-stripe-webhook";

export const dynamic = "force-dynamic";

// Stripe's events are far below this; a larger body is not Stripe's.
const MAX_EVENT_BYTES = 512 * 1024;

// POST /api/webhooks/stripe - Stripe's events, verified on the raw body and applied once
export async function POST(req: Request): Promise<Response> {
  let event;
  try {
    const raw = await readBodyText(req, MAX_EVENT_BYTES);
    event = verifyStripeEvent(raw, req.headers.get("stripe-signature"));
  } catch (err) {
    return errorResponse(err);
  }
  try {
    const outcome = await applyStripeWebhook(event);
    return json({ received: true, outcome });
  } catch (err) {
    // Whatever went wrong while applying, the answer is a 5xx: Stripe retries and nothing was recorded.
    console.error("[stripe] applying event failed", event.type, event.id, err);
    return errorResponse(
      new AppError("INTERNAL", "The event could not be applied; it will be retried.", { status: 500 }),
    );
  }
}
