import Link from "next/link";
import { asAnonymous } from "@/lib/db/context";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const clinics = await asAnonymous(async (db) => {
    const { rows } = await db.query<{ slug: string; name: string }>(
      "select slug, name from public.clinics order by name limit 50",
    );
    return rows;
  });
  return (
    <main className="mx-auto max-w-2xl p-6">
      <h1 className="text-3xl font-semibold text-brand-700">Vete</h1>
      <p className="mt-2 text-slate-600">Veterinary care, booked in a minute.</p>
      <ul className="mt-6 space-y-2">
        {clinics.map((c) => (
          <li key={c.slug}>
            <Link className="block rounded-lg bg-white p-4 shadow-sm hover:bg-brand-50" href={`/${c.slug}`}>
              {c.name}
            </Link>
          </li>
        ))}
      </ul>
      <p className="mt-6 text-sm">
        <Link className="text-brand-700 underline" href="/sign-in">
          Sign in
        </Link>
      </p>
    </main>
  );
}
