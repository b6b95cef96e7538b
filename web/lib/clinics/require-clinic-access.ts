// A page's view of the clinic named in its URL: an unknown clinic (or one the caller may not see) is a 404 page.
import "server-only";
import { notFound } from "next/navigation";
import type { CurrentUser } from "@/lib/auth/session";
import { withUser } from "@/lib/db/context";
import { isAppError } from "@/lib/errors";
import { getClinicAccess, type ClinicAccess } from "./get-clinic-access";

export async function requireClinicAccess(user: CurrentUser, slug: string): Promise<ClinicAccess> {
  try {
    return await withUser(user, (db) => getClinicAccess(db, slug));
  } catch (err) {
    if (isAppError(err) && err.code === "NOT_FOUND") notFound();
    throw err;
  }
}
