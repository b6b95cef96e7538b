// Turns a database URL into node-postgres options with TLS decided here, by libpq's rules, not by
// pg-connection-string's. That parser (2.x, the one pg 8 uses) treats `sslmode=require` as `verify-full`
// unless the URL also says `uselibpqcompat=true`, and its next major version flips to libpq semantics: the
// same URL would change meaning on an upgrade. So every TLS parameter is taken out of the URL and turned
// into an explicit `ssl` option, which pg then uses as given (the stripped URL sets no `ssl` of its own).
import { readFileSync } from "node:fs";
import type { ConnectionOptions } from "node:tls";

/** The sslmode values we honour. `prefer` and `allow` are refused: node-postgres cannot fall back to plain text. */
const MODES = ["disable", "require", "verify-ca", "verify-full"] as const;
export type SslMode = (typeof MODES)[number];

/** Every TLS-related URL parameter pg-connection-string would act on; removed before pg sees the URL. */
const TLS_PARAMS = ["sslmode", "sslrootcert", "sslcert", "sslkey", "ssl", "uselibpqcompat", "sslnegotiation"];

export interface DatabaseCa {
  /** A PEM file with the CA certificate(s) that sign the server's certificate (DATABASE_CA_FILE). */
  file?: string;
  /** The same PEM text itself (DATABASE_CA_CERT), for hosts where a file is awkward (Vercel). */
  pem?: string;
}

export interface ConnectionConfig {
  connectionString: string;
  ssl: false | ConnectionOptions;
  sslMode: SslMode;
}

export class DatabaseUrlError extends Error {}

function readCa(path: string, from: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (err) {
    throw new DatabaseUrlError(`${from}: cannot read the CA file (${(err as NodeJS.ErrnoException).code ?? err})`);
  }
}

/**
 * libpq's meaning of sslmode (https://www.postgresql.org/docs/current/libpq-ssl.html):
 * - absent or `disable`: no TLS (libpq's default is `prefer`; we never encrypt silently-maybe);
 * - `require`: encrypted, the certificate is not checked, unless a CA is given: then, as in libpq, the
 *   chain is checked against it (like `verify-ca`);
 * - `verify-ca`: encrypted, the chain must lead to the given CA (a CA is required), any host name;
 * - `verify-full`: encrypted, the chain must lead to the given CA (or the system's roots when none is
 *   given, or with `sslrootcert=system`) and the certificate must name the host.
 * A CA comes from `sslrootcert` in the URL, else DATABASE_CA_FILE, else DATABASE_CA_CERT.
 */
export function connectionConfig(url: string, ca: DatabaseCa = {}): ConnectionConfig {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // Never echo the URL: it carries the password.
    throw new DatabaseUrlError("the database URL is not a valid URL (postgres://user:password@host:port/database)");
  }
  if (parsed.protocol !== "postgres:" && parsed.protocol !== "postgresql:") {
    throw new DatabaseUrlError(
      `the database URL must start with postgres:// or postgresql://, not ${parsed.protocol}//`,
    );
  }
  const q = parsed.searchParams;
  const mode = q.get("sslmode") ?? "disable";
  if (!(MODES as readonly string[]).includes(mode)) {
    throw new DatabaseUrlError(
      `sslmode=${mode} is not supported: use disable, require, verify-ca or verify-full` +
        (mode === "prefer" || mode === "allow" ? " (node-postgres cannot fall back to an unencrypted connection)" : ""),
    );
  }
  if (q.has("sslcert") || q.has("sslkey")) {
    throw new DatabaseUrlError("client certificates (sslcert, sslkey) are not supported");
  }
  const rootcert = q.get("sslrootcert");
  for (const p of TLS_PARAMS) q.delete(p);
  const connectionString = parsed.toString();
  const sslMode = mode as SslMode;
  if (sslMode === "disable") return { connectionString, ssl: false, sslMode };

  const systemRoots = rootcert === "system";
  let caPem: string | undefined;
  if (rootcert && !systemRoots) caPem = readCa(rootcert, "sslrootcert");
  else if (!rootcert && ca.file) caPem = readCa(ca.file, "DATABASE_CA_FILE");
  else if (!rootcert && ca.pem) caPem = ca.pem;

  if (sslMode === "require" && !caPem) return { connectionString, ssl: { rejectUnauthorized: false }, sslMode };
  if (sslMode === "verify-ca" && !caPem) {
    throw new DatabaseUrlError(
      "sslmode=verify-ca needs a CA: sslrootcert in the URL, DATABASE_CA_FILE or DATABASE_CA_CERT",
    );
  }
  const ssl: ConnectionOptions = { rejectUnauthorized: true };
  if (caPem) ssl.ca = caPem;
  // require with a CA, and verify-ca: the chain is checked, the host name is not (libpq does the same).
  if (sslMode !== "verify-full") ssl.checkServerIdentity = () => undefined;
  return { connectionString, ssl, sslMode };
}
