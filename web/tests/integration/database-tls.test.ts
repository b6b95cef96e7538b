// TLS to the database, for real: a throwaway PostgreSQL with ssl=on and a certificate signed by a CA that
// openssl makes here, and the app's own connection code (connection-config.ts) in every sslmode a deployer
// may write. `require` must encrypt without checking the certificate, `verify-full` must accept only the
// right CA, and node-postgres' own parsing of sslmode (which treats `require` as `verify-full`) must not
// decide any of it.
import { execFileSync } from "node:child_process";
import { chmod, chown, copyFile, mkdtemp, rm, writeFile } from "node:fs/promises";
import type { TLSSocket } from "node:tls";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectionConfig, type DatabaseCa } from "@/lib/db/connection-config";
import { migrate } from "@/lib/db/migrate";
import { closePool, getPool } from "@/lib/db/pool";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../../scripts/embedded-postgres";

let dir: string;
let pg: EmbeddedPostgres;
let rightCa: string;
let wrongCa: string;

function openssl(args: string[]) {
  execFileSync("openssl", args, { cwd: dir, stdio: ["ignore", "ignore", "pipe"] });
}

/** A CA (key + self-signed certificate) named `name` in the temp directory. */
function makeCa(name: string) {
  openssl(
    ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", `/CN=${name}`].concat([
      "-keyout",
      `${name}.key`,
      "-out",
      `${name}.crt`,
    ]),
  );
  return path.join(dir, `${name}.crt`);
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "vete-tls-"));
  // As root the server runs as the postgres OS user: it must reach the directory and own the key.
  await chmod(dir, 0o755);
  rightCa = makeCa("right-ca");
  wrongCa = makeCa("wrong-ca");
  // The server's certificate names 127.0.0.1, where the test connects, and is signed by the right CA only.
  await writeFile(path.join(dir, "san.ext"), "subjectAltName = IP:127.0.0.1\n");
  openssl(
    ["req", "-new", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=vete-test-db", "-keyout", "server.key"].concat([
      "-out",
      "server.csr",
    ]),
  );
  openssl(
    ["x509", "-req", "-in", "server.csr", "-CA", "right-ca.crt", "-CAkey", "right-ca.key", "-CAcreateserial"].concat([
      "-days",
      "2",
      "-extfile",
      "san.ext",
      "-out",
      "server.crt",
    ]),
  );
  await chmod(path.join(dir, "server.key"), 0o600);
  // The server reads live.crt/live.key, so a test can swap the certificate and reload.
  await copyFile(path.join(dir, "server.crt"), path.join(dir, "live.crt"));
  await copyFile(path.join(dir, "server.key"), path.join(dir, "live.key"));
  await ownByServer(path.join(dir, "live.key"));
  pg = await startEmbeddedPostgres({
    throwaway: true,
    label: "vete-tls",
    settings: ["ssl=on", `ssl_cert_file=${path.join(dir, "live.crt")}`, `ssl_key_file=${path.join(dir, "live.key")}`],
  });
}, 120_000);

afterAll(async () => {
  await closePool();
  await pg?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const withMode = (query: string) => `${pg.url}?${query}`;

/** As root the server runs as the postgres OS user, and PostgreSQL wants its key owned by that user. */
async function ownByServer(file: string) {
  if (os.userInfo().uid !== 0) return;
  const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
  await chown(file, id("-u"), id("-g"));
}

/** Puts <name>.crt / <name>.key where the server reads its certificate and reloads (new sessions use it). */
async function useServerCertificate(name: string) {
  await copyFile(path.join(dir, `${name}.crt`), path.join(dir, "live.crt"));
  await copyFile(path.join(dir, `${name}.key`), path.join(dir, "live.key"));
  await ownByServer(path.join(dir, "live.key"));
  const admin = new Client({ connectionString: pg.url });
  await admin.connect();
  try {
    await admin.query("select pg_reload_conf()");
  } finally {
    await admin.end();
  }
  // The postmaster reloads on the signal, asynchronously: wait until a new session is served the new certificate.
  const want = execFileSync("openssl", ["x509", "-noout", "-fingerprint", "-sha256", "-in", `${name}.crt`], {
    cwd: dir,
    encoding: "utf8",
  });
  for (let i = 0; i < 100; i++) {
    if ((await servedFingerprint()) === want.split("=")[1]?.trim().replace(/:/g, "")) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the server did not switch to ${name}.crt`);
}

/** The SHA-256 fingerprint of the certificate the server presents to a new session. */
async function servedFingerprint(): Promise<string> {
  const { connectionString, ssl } = connectionConfig(withMode("sslmode=require"));
  const client = new Client({ connectionString, ssl });
  await client.connect();
  try {
    const socket = (client as unknown as { connection: { stream: TLSSocket } }).connection.stream;
    return socket.getPeerCertificate().fingerprint256.replace(/:/g, "");
  } finally {
    await client.end();
  }
}

/** Connects the way the app does and answers whether this session is encrypted. */
async function encrypted(url: string, ca: DatabaseCa = {}): Promise<boolean> {
  const { connectionString, ssl } = connectionConfig(url, ca);
  const client = new Client({ connectionString, ssl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    const { rows } = await client.query<{ ssl: boolean }>("select ssl from pg_stat_ssl where pid = pg_backend_pid()");
    return rows[0]?.ssl ?? false;
  } finally {
    await client.end();
  }
}

describe("TLS to a PostgreSQL with a certificate from our own CA", () => {
  it("sslmode=require encrypts without checking the certificate", async () => {
    expect(await encrypted(withMode("sslmode=require"))).toBe(true);
  });

  it("no sslmode and sslmode=disable connect unencrypted (the server allows both)", async () => {
    expect(await encrypted(pg.url)).toBe(false);
    expect(await encrypted(withMode("sslmode=disable"))).toBe(false);
  });

  it("sslmode=verify-full accepts the right CA, from DATABASE_CA_FILE, sslrootcert or the PEM text", async () => {
    const pem = execFileSync("cat", [rightCa], { encoding: "utf8" });
    expect(await encrypted(withMode("sslmode=verify-full"), { file: rightCa })).toBe(true);
    expect(await encrypted(withMode(`sslmode=verify-full&sslrootcert=${encodeURIComponent(rightCa)}`))).toBe(true);
    expect(await encrypted(withMode("sslmode=verify-full"), { pem })).toBe(true);
  });

  it("sslmode=verify-full refuses a certificate from another CA, and one no system root signed", async () => {
    await expect(encrypted(withMode("sslmode=verify-full"), { file: wrongCa })).rejects.toThrow(
      /self[- ]signed|unable to (verify|get)|certificate/i,
    );
    await expect(encrypted(withMode("sslmode=verify-full"))).rejects.toThrow(
      /self[- ]signed|unable to (verify|get)|certificate/i,
    );
  });

  it("sslmode=verify-full checks the host name; verify-ca does not", async () => {
    // Swap in a certificate from the right CA that names another host, then put the original back.
    await writeFile(path.join(dir, "other.ext"), "subjectAltName = DNS:db.example.test\n");
    openssl(
      ["req", "-new", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=db.example.test", "-keyout", "other.key"].concat([
        "-out",
        "other.csr",
      ]),
    );
    openssl(
      ["x509", "-req", "-in", "other.csr", "-CA", "right-ca.crt", "-CAkey", "right-ca.key", "-CAcreateserial"].concat([
        "-days",
        "2",
        "-extfile",
        "other.ext",
        "-out",
        "other.crt",
      ]),
    );
    await chmod(path.join(dir, "other.key"), 0o600);
    await useServerCertificate("other");
    try {
      await expect(encrypted(withMode("sslmode=verify-full"), { file: rightCa })).rejects.toThrow(
        /altnames|does not match|not in the cert/i,
      );
      expect(await encrypted(withMode("sslmode=verify-ca"), { file: rightCa })).toBe(true);
    } finally {
      await useServerCertificate("server");
    }
    expect(await encrypted(withMode("sslmode=verify-full"), { file: rightCa })).toBe(true);
  });

  it("with a CA, sslmode=require checks the chain as libpq does (verify-ca): the wrong CA is refused", async () => {
    expect(await encrypted(withMode("sslmode=require"), { file: rightCa })).toBe(true);
    await expect(encrypted(withMode("sslmode=require"), { file: wrongCa })).rejects.toThrow(
      /certificate|self[- ]signed/i,
    );
    expect(await encrypted(withMode("sslmode=verify-ca"), { file: rightCa })).toBe(true);
  });

  it("migrations connect the same way (DATABASE_URL_DIRECT with verify-full and the CA)", async () => {
    const result = await migrate(withMode("sslmode=verify-full"), { ca: { file: rightCa } });
    expect(result.applied.length + result.skipped).toBeGreaterThan(0);
    await expect(migrate(withMode("sslmode=verify-full"), { ca: { file: wrongCa } })).rejects.toThrow(/certificate/i);
  });

  it("the app's pool follows POSTGRES_URL's sslmode and DATABASE_CA_FILE", async () => {
    // As the Supabase integration sets it: no DATABASE_URL, the pooled POSTGRES_URL instead.
    delete process.env.DATABASE_URL;
    process.env.POSTGRES_URL = withMode("sslmode=verify-full");
    process.env.DATABASE_CA_FILE = rightCa;
    const { rows } = await getPool().query<{ ssl: boolean }>(
      "select ssl from pg_stat_ssl where pid = pg_backend_pid()",
    );
    expect(rows[0]?.ssl).toBe(true);
  });

  it("node-postgres alone reads sslmode=require as verify-full (why connection-config.ts decides TLS itself)", async () => {
    const client = new Client({ connectionString: withMode("sslmode=require"), connectionTimeoutMillis: 10_000 });
    await expect(client.connect()).rejects.toThrow(/self[- ]signed|unable to (verify|get)|certificate/i);
    await client.end().catch(() => undefined);
  });
});
