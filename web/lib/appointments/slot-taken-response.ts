// A lost race for a slot answers 409 SLOT_TAKEN and, in the same error body, the next free starts for the
// same service (and vet), so the booking page can offer them without another round trip.
import "server-only";
import type { SessionUser } from "@/lib/db/types";
import { withUser } from "@/lib/db/context";
import { isAppError } from "@/lib/errors";
import { listNextFreeSlots } from "./list-next-free-slots";
import type { Slot } from "./list-available-slots";

export interface SlotTakenBody {
  error: { code: "SLOT_TAKEN"; message: string; fields?: Record<string, string[]>; nextSlots: Slot[] };
}

export async function withNextSlotsOnSlotTaken(
  user: SessionUser,
  clinic: { id: string; timeZone: string },
  target: { serviceId: string; vetId: string | null; petId?: string | null; after: Date },
  work: () => Promise<unknown>,
): Promise<unknown> {
  try {
    return await work();
  } catch (err) {
    if (!isAppError(err) || err.code !== "SLOT_TAKEN") throw err;
    // the failed transaction is gone; the lookup runs in a fresh one and never hides the 409
    const nextSlots = await withUser(user, (db) => listNextFreeSlots(db, clinic, target)).catch(() => []);
    const body: SlotTakenBody = { error: { code: "SLOT_TAKEN", message: err.message, fields: err.fields, nextSlots } };
    return Response.json(body, { status: 409 });
  }
}
