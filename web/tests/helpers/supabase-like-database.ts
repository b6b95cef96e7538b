// A database prepared the way Supabase prepares a project's database before our migrations run, on a cluster of
// its own (scratch-postgres.ts): roles are cluster-wide, and their mere presence changes what our migrations do.
// Modelled on supabase/postgres (migrations/db/init-scripts and the migration that demotes `postgres`):
// - the bootstrap superuser is supabase_admin; `postgres`, the role a deployer's migrations run as, is not a
//   superuser (createrole, createdb, replication, bypassrls) and is a member of the API roles;
// - the API roles anon, authenticated, service_role (bypassrls), and authenticator, which PostgREST logs in as
//   and which is a member of all three (and of supabase_admin);
// - schemas extensions, auth and storage; usage on public and extensions for the API roles;
// - the part that matters here: default privileges for `postgres` and for `supabase_admin` in schema public
//   that grant ALL on every new table, sequence and function to anon, authenticated and service_role.
import { Client } from "pg";
import { SCRATCH_PASSWORD, type ScratchCluster } from "./scratch-postgres";

/** The roles Supabase adds to a cluster; plain Postgres has none of them (anon and authenticated come from 001). */
export const SUPABASE_ROLES = ["anon", "authenticated", "service_role", "authenticator", "supabase_admin"] as const;

async function asSuperuser(cluster: ScratchCluster, database: string, sql: string): Promise<void> {
  const c = new Client({ connectionString: cluster.url(database, "supabase_admin") });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/**
 * Prepares `database` (created here, owned by postgres as on Supabase) on a cluster whose bootstrap superuser
 * is supabase_admin. Returns the URL the migrations use: the `postgres` role, as a deployer connects.
 */
export async function prepareSupabaseLikeDatabase(cluster: ScratchCluster, database: string): Promise<string> {
  const password = SCRATCH_PASSWORD.replace(/'/g, "''");
  await asSuperuser(
    cluster,
    "postgres",
    `
    create role postgres login createrole createdb replication bypassrls password '${password}';
    create role anon nologin noinherit;
    create role authenticated nologin noinherit;
    create role service_role nologin noinherit bypassrls;
    -- supabase/postgres later makes the API roles inherit (20230529180330_alter_api_roles_for_inherit).
    alter role anon inherit;
    alter role authenticated inherit;
    alter role service_role inherit;
    create role authenticator login noinherit password '${password}';
    grant anon, authenticated, service_role, supabase_admin to authenticator;
    grant anon, authenticated, service_role to postgres;
    alter role anon set statement_timeout = '3s';
    alter role authenticated set statement_timeout = '8s';`,
  );
  await asSuperuser(cluster, "postgres", `create database "${database}" owner postgres`);
  await asSuperuser(
    cluster,
    database,
    `
    create schema extensions;
    create schema auth;
    create schema storage;
    grant usage on schema public to postgres, anon, authenticated, service_role;
    grant usage on schema extensions to postgres, anon, authenticated, service_role;
    grant all on schema extensions, auth, storage to postgres;
    grant usage on schema auth, storage to anon, authenticated, service_role;
    alter default privileges for role supabase_admin in schema public
      grant all on tables to postgres, anon, authenticated, service_role;
    alter default privileges for role supabase_admin in schema public
      grant all on functions to postgres, anon, authenticated, service_role;
    alter default privileges for role supabase_admin in schema public
      grant all on sequences to postgres, anon, authenticated, service_role;
    alter default privileges for role postgres in schema public
      grant all on tables to anon, authenticated, service_role;
    alter default privileges for role postgres in schema public
      grant all on functions to anon, authenticated, service_role;
    alter default privileges for role postgres in schema public
      grant all on sequences to anon, authenticated, service_role;`,
  );
  return cluster.url(database, "postgres");
}
