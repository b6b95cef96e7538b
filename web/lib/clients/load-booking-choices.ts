// What the client's book and request pages offer: the signed-in client's pets and the services they may book
// online. Not a client here yet: off to the join page (as every portal page does).
import "server-only";
import { withUser } from "@/lib/db/context";
import { listPets } from "@/lib/pets/list-pets";
import { listServices } from "@/lib/schedules/list-services";
import { loadPortalPage, requireClientId } from "./load-portal-page";

export async function loadBookingChoices(slug: string, path: string) {
  const ctx = await loadPortalPage(slug, path);
  const clientId = requireClientId(ctx);
  const clinic = ctx.access.clinic;
  const choices = await withUser(ctx.user, async (db) => ({
    pets: (await listPets(db, { clinicId: clinic.id, clientId, limit: 200 })).items,
    // the client's view: RLS shows only active services bookable online
    services: (await listServices(db, clinic.id)).filter((s) => s.bookableOnline),
  }));
  return { ...ctx, clinic, ...choices };
}
