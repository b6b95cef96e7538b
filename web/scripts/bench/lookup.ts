// Benchmark: the front-desk lookup (public.search_clinic_records) in a clinic of 100,000 pets beside other
// clinics, through the app's withUser path like a request; a primary-key read of one pet over the same path in
// the same run, in interleaved rounds, is the baseline. Prints the plans (auto_explain) to show the indexes.
// Starts its own throwaway PostgreSQL. Run: npm run bench lookup
// Sizes (environment): BENCH_PETS (100000) pets in the measured clinic; BENCH_CALLS (200) calls per query.
import { randomBytes } from "node:crypto";
import { Client } from "pg";
import { migrate } from "../../lib/db/migrate";
import { percentile, round1 } from "../bench-support/measure";
import { runContext, writeDocSection } from "../bench-support/doc-section";
import { runMain } from "../bench-support/run-main";
import { startEmbeddedPostgres } from "../embedded-postgres";

const PETS = Number(process.env.BENCH_PETS ?? 100_000);
const CALLS = Number(process.env.BENCH_CALLS ?? 200);

// Client names from 40 first names x 60 surnames x 60 second surnames; pet names from 500 syllable pairs.
const seedSql = `
  with first(n, i) as (select n, row_number() over () from unnest(string_to_array(
    'Maria,Jose,Ana,Luis,Carmen,Javier,Laura,David,Lucia,Carlos,Elena,Pablo,Sara,Miguel,Paula,Daniel,Marta,Jorge,Irene,Alberto,Julia,Sergio,Clara,Raul,Nuria,Diego,Alba,Ivan,Rosa,Hugo,Eva,Mario,Olga,Adrian,Ines,Oscar,Noelia,Ruben,Silvia,Victor', ',')) n),
  last(n, i) as (select n, row_number() over () from unnest(string_to_array(
    'Garcia,Rodriguez,Gonzalez,Fernandez,Lopez,Martinez,Sanchez,Perez,Gomez,Martin,Jimenez,Ruiz,Hernandez,Diaz,Moreno,Munoz,Alvarez,Romero,Alonso,Gutierrez,Navarro,Torres,Dominguez,Vazquez,Ramos,Gil,Ramirez,Serrano,Blanco,Molina,Morales,Suarez,Ortega,Delgado,Castro,Ortiz,Rubio,Marin,Sanz,Nunez,Iglesias,Medina,Garrido,Cortes,Castillo,Santos,Lozano,Guerrero,Cano,Prieto,Mendez,Cruz,Calvo,Gallego,Vidal,Leon,Marquez,Herrera,Pena,Flores', ',')) n)
  insert into public.clients (clinic_id, full_name, email, phone)
  select $1::uuid, f.n || ' ' || l1.n || ' ' || l2.n,
         lower(f.n || '.' || l1.n) || g || '@' || $3 || '.test',
         '+34 6' || substr(lpad(g::text, 8, '0'), 1, 2) || ' ' || substr(lpad(g::text, 8, '0'), 3, 3) || ' ' || substr(lpad(g::text, 8, '0'), 6, 3)
  from generate_series(1, $2::int) g
  join first f on f.i = 1 + g % 40
  join last l1 on l1.i = 1 + (g / 40) % 60
  join last l2 on l2.i = 1 + (g / 2400) % 60`;

const petSql = `
  with c as (select id, row_number() over (order by id) as k from public.clients where clinic_id = $1),
  a(s, i) as (select s, row_number() over () from unnest(string_to_array('Lu,To,Ki,Ro,Ma,Ne,Bo,Chi,Pe,Ca,Tri,Sim,Co,Da,Mi,Zu,Ol,Ra,Bru,Nu,Ga,Fi,Le,Sa,Ti', ',')) s),
  b(s, i) as (select s, row_number() over () from unnest(string_to_array('na,by,ra,cky,ko,la,lo,ta,ni,sco,ser,bi,no,ca,nda,to,mba,lia,kie,xi', ',')) s)
  insert into public.pets (clinic_id, client_id, name, species, microchip)
  select $1, c.id, a.s || b.s, (array['dog','cat','rabbit','bird','dog','cat'])[1 + g % 6],
         '941' || lpad($3::text, 3, '0') || lpad(g::text, 9, '0')
  from generate_series(1, $2::int) g
  join c on c.k = 1 + g % (select count(*) from c)
  join a on a.i = 1 + g % 25
  join b on b.i = 1 + (g / 25) % 20`;

/** The word as a Spanish speaker might write it (Garcia -> García, Gonzalez -> González). */
function accented(word: string): string {
  for (const [plain, marked] of [
    ["i", "í"],
    ["a", "á"],
    ["o", "ó"],
    ["e", "é"],
  ] as const) {
    const i = word.lastIndexOf(plain);
    if (i >= 0) return word.slice(0, i) + marked + word.slice(i + 1);
  }
  return word;
}

async function seedClinic(db: Client, slug: string, pets: number, n: number) {
  const { rows } = await db.query<{ id: string }>(
    "insert into public.clinics (slug, name, time_zone, currency) values ($1, $1, 'Europe/Madrid', 'EUR') returning id",
    [slug],
  );
  const id = rows[0]!.id;
  await db.query(seedSql, [id, Math.ceil(pets * 0.6), slug]);
  await db.query(petSql, [id, pets, n]);
  return id;
}

async function main() {
  const pg = await startEmbeddedPostgres({ label: "vete-bench-lookup", throwaway: true, database: "vete_bench" });
  try {
    await migrate(pg.url);
    process.env.DATABASE_URL = pg.url;
    process.env.BETTER_AUTH_SECRET ??= randomBytes(32).toString("hex");
    const { withUser } = await import("../../lib/db/context");
    const { searchClinicRecords } = await import("../../lib/lookup/search-clinic-records");
    const { closePool } = await import("../../lib/db/pool");
    const db = new Client({ connectionString: pg.url });
    // the server stopping at the end (or after a failure) must not crash the script before the error is shown
    db.on("error", () => {});
    await db.connect();

    const t0 = performance.now();
    const clinicId = await seedClinic(db, "front", PETS, 1);
    for (let i = 2; i <= 5; i++) await seedClinic(db, `other-${i}`, Math.ceil(PETS / 5), i);
    const u = await db.query<{ id: string }>(
      "insert into public.users (name, email, email_verified) values ('Desk', 'desk@bench.test', true) returning id",
    );
    const staff = { userId: u.rows[0]!.id, email: "desk@bench.test" };
    await db.query("insert into public.clinic_memberships (clinic_id, user_id, role) values ($1, $2, 'receptionist')", [
      clinicId,
      staff.userId,
    ]);
    await db.query("vacuum analyze");
    const counts = await db.query<{ pets: number; clients: number; here: number }>(
      "select (select count(*)::int from public.pets) as pets, (select count(*)::int from public.clients) as clients, (select count(*)::int from public.pets where clinic_id = $1) as here",
      [clinicId],
    );
    const seeded = counts.rows[0]!;
    console.log(
      `seeded ${seeded.pets} pets (${seeded.here} in the measured clinic) and ${seeded.clients} clients in ${Math.round(performance.now() - t0)} ms`,
    );

    const sample = await db.query<{ pet_id: string; microchip: string; email: string; phone: string }>(
      `select p.id as pet_id, p.microchip, c.email::text as email, c.phone from public.pets p join public.clients c on c.id = p.client_id
        where p.clinic_id = $1 order by p.id offset 4321 limit 1`,
      [clinicId],
    );
    const s = sample.rows[0]!;
    // The owner of the sampled pet, for the queries that find a pet by its owner's details.
    const owner = await db.query<{ full_name: string; pet_name: string }>(
      "select c.full_name, p.name as pet_name from public.pets p join public.clients c on c.id = p.client_id where p.id = $1",
      [s.pet_id],
    );
    const o = owner.rows[0]!;
    const [first = "", surname = ""] = o.full_name.split(" ");
    const nationalPhone = s.phone.replace(/^\+34\s*/, "");
    const queries: { name: string; q: string; group: "one" | "words" }[] = [
      { name: "pet name prefix", q: "tri", group: "one" },
      { name: "client surname", q: "gonzal", group: "one" },
      { name: "two letters", q: "lu", group: "one" },
      { name: "part of a phone", q: s.phone.slice(-7), group: "one" },
      { name: "email", q: s.email.toUpperCase(), group: "one" },
      { name: "microchip", q: s.microchip, group: "one" },
      { name: "a miss", q: "qwzx", group: "one" },
      { name: "surname then pet name", q: `${surname.toLowerCase()} ${o.pet_name.toLowerCase()}`, group: "words" },
      { name: "pet name then surname, accented", q: `${o.pet_name} ${accented(surname)}`, group: "words" },
      { name: "first name and surname", q: `${first} ${surname}`, group: "words" },
      {
        name: "two partial words",
        q: `${surname.slice(0, 3).toLowerCase()} ${o.pet_name.slice(0, 2).toLowerCase()}`,
        group: "words",
      },
      {
        name: "three words, one broad",
        q: `${first.toLowerCase()} ${surname.toLowerCase()} ${o.pet_name.slice(0, 1).toLowerCase()}`,
        group: "words",
      },
      { name: "owner's phone as typed", q: s.phone, group: "words" },
      { name: "owner's phone without +34", q: nationalPhone.replace(/\s/g, "-"), group: "words" },
      { name: "owner's email", q: s.email, group: "words" },
      { name: "words that match nothing together", q: `${surname.toLowerCase()} qwzx`, group: "words" },
    ];

    // The plans, as the function runs them (nested statements), from auto_explain on a superuser session.
    const ex = new Client({ connectionString: pg.url });
    await ex.connect();
    const plans: string[] = [];
    ex.on("notice", (n) => plans.push(String(n.message)));
    await ex.query(
      "load 'auto_explain'; set auto_explain.log_min_duration = 0; set auto_explain.log_nested_statements = on; set auto_explain.log_level = notice; set client_min_messages = notice",
    );
    const claims = JSON.stringify({ sub: staff.userId, role: "authenticated" });
    const planSummary: string[] = [];
    const explained = ["pet name prefix", "part of a phone", "surname then pet name", "two partial words"];
    for (const { name, q } of queries.filter((x) => explained.includes(x.name))) {
      plans.length = 0;
      await ex.query(
        `begin; set local role authenticated; set local request.jwt.claims = ${ex.escapeLiteral(claims)}; select count(*) from public.search_clinic_records(${ex.escapeLiteral(clinicId)}, ${ex.escapeLiteral(q)}, 10); commit`,
      );
      const plan = plans.find((p) => p.includes("with desk")) ?? plans.join("\n");
      const indexes = [...new Set(plan.match(/(?:on|using) \w+_(?:idx|key|pkey)\b/g) ?? [])].map((x) =>
        x.replace(/^(on|using) /, ""),
      );
      const seqScans = (plan.match(/Seq Scan on (clients|pets|client_search_docs|pet_search_docs)/g) ?? []).length;
      planSummary.push(`${name}: ${indexes.join(", ")}${seqScans ? ` (${seqScans} seq scans)` : ""}`);
      console.log(`\nplan for "${q}" (${name}):\n${plan.replace(/^[\s\S]*?Plan:/, "").trimEnd()}`);
    }
    await ex.end();

    const pk = async () =>
      withUser(staff, (q) =>
        q.query("select id, name from public.pets where id = $1 and clinic_id = $2", [s.pet_id, clinicId]),
      );
    const time = async (fn: () => Promise<unknown>) => {
      const t = performance.now();
      await fn();
      return performance.now() - t;
    };
    // warm up
    for (const { q } of queries) await withUser(staff, (d) => searchClinicRecords(d, clinicId, { q, limit: 10 }));
    const samples = new Map<string, number[]>(queries.map((x) => [x.name, []]));
    const base: number[] = [];
    const hits = new Map<string, number>();
    for (let i = 0; i < CALLS; i++) {
      base.push(await time(pk));
      for (const { name, q } of queries) {
        const t = performance.now();
        const r = await withUser(staff, (d) => searchClinicRecords(d, clinicId, { q, limit: 10 }));
        samples.get(name)!.push(performance.now() - t);
        hits.set(name, r.length);
      }
    }
    const b50 = percentile(base, 50);
    const b95 = percentile(base, 95);
    const rows = queries.map(({ name, q, group }) => {
      const xs = samples.get(name)!;
      const p50 = percentile(xs, 50);
      const p95 = percentile(xs, 95);
      return { name, q, group, p50, p95, ratio: p95 / b95, hits: hits.get(name) ?? 0 };
    });
    const table = (group: "one" | "words") =>
      rows
        .filter((r) => r.group === group)
        .map(
          (r) => `| ${r.name} | \`${r.q}\` | ${round1(r.p50)} | ${round1(r.p95)} | ${round1(r.ratio)}x | ${r.hits} |`,
        )
        .join("\n");
    console.log(`\nbaseline (primary-key read of one pet): p50 ${round1(b50)} ms, p95 ${round1(b95)} ms`);
    for (const r of rows)
      console.log(
        `${r.name} "${r.q}": p50 ${round1(r.p50)} ms, p95 ${round1(r.p95)} ms (${round1(r.ratio)}x baseline p95), ${r.hits} results`,
      );

    writeDocSection(
      "lookup",
      `## Lookup: front-desk search of clients and pets

\`npm run bench lookup\` (script: \`web/scripts/bench/lookup.ts\`; it starts its own throwaway PostgreSQL 18). Run
${runContext()}. ${seeded.here.toLocaleString("en")} pets in the measured clinic (${seeded.pets.toLocaleString("en")} pets and
${seeded.clients.toLocaleString("en")} clients across 5 clinics). Each call goes through the app's \`withUser\` (one transaction,
role authenticated, claims) and \`public.search_clinic_records\` with limit 10, ${CALLS} calls per query, one at a time, in
interleaved rounds with the baseline: a primary-key read of one pet over the same path. Target: p95 < 50 ms.

| Query | Typed | p50 ms | p95 ms | p95 vs baseline | Results |
| --- | --- | ---: | ---: | ---: | ---: |
| baseline: pet by primary key | | ${round1(b50)} | ${round1(b95)} | 1x | 1 |
${table("one")}

Several words in any order, and a pet found by its owner's details (the sampled pet's owner, ${o.full_name}, and pet, ${o.pet_name}):

| Query | Typed | p50 ms | p95 ms | p95 vs baseline | Results |
| --- | --- | ---: | ---: | ---: | ---: |
${table("words")}

Indexes in the plans (auto_explain of the function's query): ${planSummary.join("; ")}.
Every typed word must match the record's searchable text (\`private.client_search_docs\`, \`private.pet_search_docs\`: folded
name, email words and phone digits; a pet's also holds its owner's), kept by triggers. A trigram GIN index finds the words
(the two longest words' "inside a word" patterns are the index keys, every word is then rechecked at a word start), and a
prefix btree finds the names that start with a word. Each kind of match (exact microchip, phone or email; exact name; name
start; word start; inside a word) is one branch capped at 4 x limit + 20 rows, so a broad word costs a bounded amount;
"inside a word" is only looked for when the stronger branches found fewer than the limit. The function is planned for each
call's own words (\`plan_cache_mode = force_custom_plan\`): with a cached generic plan, phone and microchip queries scanned
every client (p50 about 400 ms in a run before that setting).`,
    );
    await db.end();
    await closePool();
  } finally {
    await pg.stop();
  }
}

runMain(main);
