// A clinic's public name by slug, for the sign-up and join pages. Anonymous read (public clinic data).
import "server-only";
import type { Db } from "@/lib/db/types";

export interface ClinicName {
  slug: string;
  name: string;
  defaultLocale: string;
}

export async function findClinicBySlug(db: Db, slug: string): Promise<ClinicName | null> {
  if (!/^[a-z0-9-]{3,40}$/.test(slug)) return null;
  const { rows } = await db.query<ClinicName>(
    `select slug, name, default_locale as "defaultLocale" from public.clinics where slug = $1`,
    [slug],
  );
  return rows[0] ?? null;
}
