// How often the payment status page looks again while a card payment is still processing: soon at first (most
// payments settle within seconds, once Stripe's webhook arrives), then less often, and not at all after about
// two minutes, when the page says the invoice will show the payment and offers to check again by hand. The
// count travels in the page's own refresh address (no script needed); pure, so the schedule is tested apart.

/** Seconds before each automatic look again, in order: two minutes in all. */
export const STATUS_CHECK_DELAYS: readonly number[] = [3, 3, 3, 5, 5, 8, 8, 10, 15, 15, 20, 25];

/** The automatic looks already made, from the page's `check` parameter; anything else counts as none. */
export function checksDoneFrom(raw: unknown): number {
  return typeof raw === "string" && /^\d{1,3}$/.test(raw) ? Number(raw) : 0;
}

/** The seconds to wait before the next automatic look, or null when the page should stop looking by itself. */
export function nextStatusCheckDelay(checksDone: number): number | null {
  return STATUS_CHECK_DELAYS[checksDone] ?? null;
}
