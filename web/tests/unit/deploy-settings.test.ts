// How the deploy settings are read: which database URL the app and the migrations take (our names and the
// Supabase-Vercel integration's), the pool size, TLS from sslmode, and the app URL on Vercel deployments.
// The TLS modes are proven against a real server in tests/integration/database-tls.test.ts.
import { describe, expect, it } from "vitest";
import { connectionConfig, DatabaseUrlError } from "@/lib/db/connection-config";
import { appUrls, databaseSettings, POOL_MAX_SERVER, POOL_MAX_SERVERLESS } from "@/lib/env";

const OURS = "postgres://app:pw@db.example.test:5432/vete";
const OURS_DIRECT = "postgres://app:pw@db.example.test:5433/vete";
const POOLED =
  "postgres://postgres.ref:pw@aws-0-eu-central-1.pooler.supabase.com:6543/postgres?sslmode=require&supa=base-pooler.x";
const NON_POOLING = "postgres://postgres.ref:pw@aws-0-eu-central-1.pooler.supabase.com:5432/postgres?sslmode=require";

describe("databaseSettings", () => {
  it("takes DATABASE_URL for both when nothing else is given", () => {
    const s = databaseSettings({ DATABASE_URL: OURS });
    expect(s).toMatchObject({ url: OURS, directUrl: OURS, urlFrom: "DATABASE_URL", directUrlFrom: "DATABASE_URL" });
  });

  it("sends migrations to DATABASE_URL_DIRECT", () => {
    const s = databaseSettings({ DATABASE_URL: OURS, DATABASE_URL_DIRECT: OURS_DIRECT });
    expect(s).toMatchObject({ url: OURS, directUrl: OURS_DIRECT, directUrlFrom: "DATABASE_URL_DIRECT" });
  });

  it("takes the Supabase integration's names: POSTGRES_URL for the app, POSTGRES_URL_NON_POOLING for migrations", () => {
    const s = databaseSettings({ POSTGRES_URL: POOLED, POSTGRES_URL_NON_POOLING: NON_POOLING });
    expect(s).toMatchObject({ url: POOLED, directUrl: NON_POOLING, urlFrom: "POSTGRES_URL" });
    expect(databaseSettings({ POSTGRES_URL: POOLED }).directUrl).toBe(POOLED);
  });

  it("prefers our names as a pair: DATABASE_URL never migrates through the integration's other database", () => {
    const s = databaseSettings({ DATABASE_URL: OURS, POSTGRES_URL: POOLED, POSTGRES_URL_NON_POOLING: NON_POOLING });
    expect(s).toMatchObject({ url: OURS, directUrl: OURS });
    const overridden = databaseSettings({ POSTGRES_URL: POOLED, DATABASE_URL_DIRECT: OURS_DIRECT });
    expect(overridden).toMatchObject({ url: POOLED, directUrl: OURS_DIRECT });
  });

  it("ignores blank values and says which variable to set when none is given", () => {
    expect(databaseSettings({ DATABASE_URL: "  ", POSTGRES_URL: POOLED }).urlFrom).toBe("POSTGRES_URL");
    expect(() => databaseSettings({})).toThrow(/DATABASE_URL: set DATABASE_URL \(or POSTGRES_URL/);
  });

  it("keeps the pool small on Vercel, 10 elsewhere, and DATABASE_POOL_MAX wins", () => {
    expect(databaseSettings({ DATABASE_URL: OURS }).poolMax).toBe(POOL_MAX_SERVER);
    expect(databaseSettings({ DATABASE_URL: OURS, VERCEL: "1" }).poolMax).toBe(POOL_MAX_SERVERLESS);
    expect(POOL_MAX_SERVERLESS).toBeLessThanOrEqual(5);
    expect(databaseSettings({ DATABASE_URL: OURS, VERCEL: "1", DATABASE_POOL_MAX: "2" }).poolMax).toBe(2);
    expect(() => databaseSettings({ DATABASE_URL: OURS, DATABASE_POOL_MAX: "0" })).toThrow(/DATABASE_POOL_MAX/);
    expect(() => databaseSettings({ DATABASE_URL: OURS, DATABASE_POOL_MAX: "lots" })).toThrow(/DATABASE_POOL_MAX/);
  });

  it("passes the CA options on", () => {
    const s = databaseSettings({ DATABASE_URL: OURS, DATABASE_CA_FILE: "ca.crt", DATABASE_CA_CERT: "PEM" });
    expect(s.ca).toEqual({ file: "ca.crt", pem: "PEM" });
  });
});

describe("connectionConfig", () => {
  it("takes every TLS parameter out of the URL, so node-postgres' own sslmode parsing never runs", () => {
    const c = connectionConfig(`${OURS}?sslmode=require&uselibpqcompat=true&application_name=x`);
    const q = new URL(c.connectionString).searchParams;
    expect([...q.keys()]).toEqual(["application_name"]);
    expect(c).toMatchObject({ sslMode: "require", ssl: { rejectUnauthorized: false } });
  });

  it("connects without TLS when sslmode is absent or disable", () => {
    expect(connectionConfig(OURS).ssl).toBe(false);
    expect(connectionConfig(`${OURS}?sslmode=disable`).ssl).toBe(false);
  });

  it("verifies chain and host name with verify-full; the system's roots without a CA", () => {
    const c = connectionConfig(`${OURS}?sslmode=verify-full`);
    expect(c.ssl).toEqual({ rejectUnauthorized: true });
    const withCa = connectionConfig(`${OURS}?sslmode=verify-full`, { pem: "PEM" });
    expect(withCa.ssl).toMatchObject({ rejectUnauthorized: true, ca: "PEM" });
    expect(withCa.ssl && withCa.ssl.checkServerIdentity).toBeUndefined();
    const system = connectionConfig(`${OURS}?sslmode=verify-full&sslrootcert=system`, { pem: "PEM" });
    expect(system.ssl).toEqual({ rejectUnauthorized: true });
  });

  it("verifies only the chain with verify-ca, and with require when a CA is given (as libpq)", () => {
    for (const mode of ["verify-ca", "require"]) {
      const c = connectionConfig(`${OURS}?sslmode=${mode}`, { pem: "PEM" });
      expect(c.ssl).toMatchObject({ rejectUnauthorized: true, ca: "PEM" });
      expect(c.ssl && typeof c.ssl.checkServerIdentity).toBe("function");
    }
    expect(() => connectionConfig(`${OURS}?sslmode=verify-ca`)).toThrow(/verify-ca needs a CA/);
  });

  it("refuses modes it cannot honour, and never repeats the URL (it holds the password)", () => {
    for (const bad of ["prefer", "allow", "no-verify", "yes"]) {
      expect(() => connectionConfig(`${OURS}?sslmode=${bad}`)).toThrow(DatabaseUrlError);
    }
    expect(() => connectionConfig(`${OURS}?sslmode=prefer`)).toThrow(/cannot fall back/);
    expect(() => connectionConfig(`${OURS}?sslmode=require&sslcert=c.crt&sslkey=c.key`)).toThrow(/client certificates/);
    expect(() => connectionConfig("mysql://app:secret-pw@db/vete")).toThrow(/postgres:\/\//);
    for (const url of ["not a url secret-pw", "mysql://app:secret-pw@db/vete"]) {
      try {
        connectionConfig(url);
      } catch (err) {
        expect(String(err)).not.toContain("secret-pw");
      }
    }
  });

  it("names the CA option it could not read", () => {
    expect(() => connectionConfig(`${OURS}?sslmode=verify-full`, { file: "/nonexistent/ca.crt" })).toThrow(
      /DATABASE_CA_FILE: cannot read the CA file \(ENOENT\)/,
    );
    expect(() => connectionConfig(`${OURS}?sslmode=verify-full&sslrootcert=/nonexistent/ca.crt`)).toThrow(
      /sslrootcert/,
    );
  });
});

describe("appUrls", () => {
  const vercel = {
    VERCEL: "1",
    VERCEL_URL: "vete-abc123-team.vercel.app",
    VERCEL_BRANCH_URL: "vete-git-feature-team.vercel.app",
    VERCEL_PROJECT_PRODUCTION_URL: "vete.example.org",
  };

  it("uses APP_URL when given, without a trailing slash", () => {
    expect(appUrls({ APP_URL: "https://clinic.example.org/" }).appUrl).toBe("https://clinic.example.org");
    expect(appUrls({}).appUrl).toBe("http://localhost:3000");
  });

  it("on a production deployment without APP_URL: the production domain", () => {
    const u = appUrls({ ...vercel, VERCEL_ENV: "production" });
    expect(u.appUrl).toBe("https://vete.example.org");
    expect(u.trustedOrigins).toEqual([
      "https://vete.example.org",
      "https://vete-abc123-team.vercel.app",
      "https://vete-git-feature-team.vercel.app",
    ]);
  });

  it("on a preview: the branch address, and the deployment's own address is trusted too", () => {
    const u = appUrls({ ...vercel, VERCEL_ENV: "preview" });
    expect(u.appUrl).toBe("https://vete-git-feature-team.vercel.app");
    expect(u.trustedOrigins).toEqual([
      "https://vete-git-feature-team.vercel.app",
      "https://vete-abc123-team.vercel.app",
    ]);
    // never the production domain: a preview must not accept sign-ins posted from production pages
    expect(u.trustedOrigins).not.toContain("https://vete.example.org");
    const bare = appUrls({ VERCEL: "1", VERCEL_ENV: "preview", VERCEL_URL: "vete-abc123-team.vercel.app" });
    expect(bare.appUrl).toBe("https://vete-abc123-team.vercel.app");
  });

  it("keeps APP_URL first on Vercel and adds the deployment addresses", () => {
    const u = appUrls({ ...vercel, VERCEL_ENV: "production", APP_URL: "https://clinic.example.org" });
    expect(u.appUrl).toBe("https://clinic.example.org");
    expect(u.trustedOrigins[0]).toBe("https://clinic.example.org");
    expect(u.trustedOrigins).toContain("https://vete.example.org");
  });

  it("reads Vercel's variables only on Vercel", () => {
    const { VERCEL: _, ...notVercel } = vercel;
    expect(appUrls({ ...notVercel, VERCEL_ENV: "production" })).toEqual({
      appUrl: "http://localhost:3000",
      trustedOrigins: ["http://localhost:3000"],
    });
  });
});
