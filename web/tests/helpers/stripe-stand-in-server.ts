// The Stripe stand-in as a process of its own, for the end-to-end tests (web/playwright.config.ts starts it
// beside the app): a fixed port, and signed events sent to the app's webhook as Stripe would send them.
// POST /_stand-in/complete-onboarding finishes every pending connected account (account.updated follows).
import { startStripeStandIn, TEST_WEBHOOK_SECRET } from "./stripe-stand-in";

const port = Number(process.env.STRIPE_STAND_IN_PORT);
const webhookUrl = process.env.STRIPE_STAND_IN_WEBHOOK_URL;
if (!Number.isInteger(port) || port <= 0 || !webhookUrl) {
  throw new Error("Set STRIPE_STAND_IN_PORT and STRIPE_STAND_IN_WEBHOOK_URL");
}

void startStripeStandIn({ port, webhook: { url: webhookUrl, secret: TEST_WEBHOOK_SECRET } }).then((standIn) => {
  console.log(`[stripe stand-in] ${standIn.url}, events to ${webhookUrl}`);
  const stop = () => void standIn.close().then(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
});
