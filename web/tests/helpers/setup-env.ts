import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
// Equal to DATABASE_URL unless the run goes through a pooler: migrations and `create database` go direct.
process.env.VETE_TEST_DIRECT_DATABASE_URL = inject("directDatabaseUrl");
process.env.DATABASE_POOL_MAX ??= "20";
process.env.BETTER_AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";
process.env.CRON_SECRET ??= "test-cron-secret-0123456789";
// As behind web/scripts/serve.ts: the client address comes from the header that server writes.
process.env.VETE_SOCKET_ADDRESS_HEADER = "1";
