// Stripe's errors as AppErrors the person can act on. Nothing of Stripe's internals reaches the response.
import "server-only";
import Stripe from "stripe";
import { AppError } from "@/lib/errors";

export function toPaymentError(err: unknown): unknown {
  if (!(err instanceof Stripe.errors.StripeError)) return err;
  if (err instanceof Stripe.errors.StripeCardError) {
    return new AppError("CARD_DECLINED", "The card was declined. Try another card or pay at the clinic.", {
      status: 402,
      cause: err,
    });
  }
  if (err instanceof Stripe.errors.StripeRateLimitError) {
    return new AppError("RATE_LIMITED", "Card payments are busy right now. Try again in a minute.", {
      retryAfterSeconds: 30,
      cause: err,
    });
  }
  if (
    err instanceof Stripe.errors.StripeConnectionError ||
    err instanceof Stripe.errors.StripeAPIError ||
    (err.statusCode ?? 0) >= 500
  ) {
    return new AppError(
      "PAYMENT_PROVIDER_UNAVAILABLE",
      "Card payments are not answering. Nothing was charged; try again.",
      {
        status: 503,
        cause: err,
      },
    );
  }
  // an idempotency or invalid-request error is our bug, not the person's: logged as a 500
  return new AppError("INTERNAL", "Something went wrong on our side. Nothing was charged; please try again.", {
    status: 500,
    cause: err,
  });
}
