// A local HTTP server standing in for Supabase Storage's object endpoints, as @supabase/supabase-js calls
// them (paths and answers follow the storage server's routes): upload (POST /object/<bucket>/<path>), signed
// URL (POST /object/sign/<bucket>/<path> -> {signedURL}), fetching a signed URL (GET /object/sign/...?token=),
// authenticated download (GET /object/<bucket>/<path>) and remove (DELETE /object/<bucket> {prefixes}).
// Like the real one it checks the service key on every call, refuses an existing key without x-upsert, and
// answers a missing object with 400 {"statusCode":"404","error":"not_found",...}. Not a test file itself.
import { createHmac, randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface StorageCall {
  method: string;
  path: string;
  authorization: string | null;
  apikey: string | null;
  contentType: string | null;
}

export interface StandInStorage {
  /** What goes in SUPABASE_URL. */
  url: string;
  serviceRoleKey: string;
  bucket: string;
  calls: StorageCall[];
  objects: Map<string, { bytes: Buffer; contentType: string }>;
  /** Answer the next calls with this status and body instead (a provider outage). */
  failWith(reply: { status: number; body: unknown } | null): void;
  close(): Promise<void>;
}

const PREFIX = "/storage/v1";

export async function startStandInStorage(bucket = "vete-files"): Promise<StandInStorage> {
  const serviceRoleKey = `service-role-${randomUUID()}`;
  const tokenSecret = randomUUID();
  const objects = new Map<string, { bytes: Buffer; contentType: string }>();
  const calls: StorageCall[] = [];
  let failure: { status: number; body: unknown } | null = null;

  const sign = (payload: string) => createHmac("sha256", tokenSecret).update(payload).digest("base64url");
  const send = (res: http.ServerResponse, status: number, body: unknown) =>
    res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
  const notFound = (res: http.ServerResponse) =>
    send(res, 400, { statusCode: "404", error: "not_found", message: "Object not found", code: "NoSuchKey" });

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const url = new URL(req.url ?? "/", "http://stand-in");
      const path = decodeURIComponent(url.pathname);
      const method = req.method ?? "GET";
      calls.push({
        method,
        path,
        authorization: req.headers.authorization ?? null,
        apikey: (req.headers.apikey as string | undefined) ?? null,
        contentType: req.headers["content-type"] ?? null,
      });
      if (failure) return send(res, failure.status, failure.body);

      // A signed URL is the one call that needs no key: the token is the permission.
      const signedPrefix = `${PREFIX}/object/sign/${bucket}/`;
      if (method === "GET" && path.startsWith(signedPrefix)) {
        const token = url.searchParams.get("token") ?? "";
        const [payload = "", mac = ""] = token.split(".");
        if (sign(payload) !== mac)
          return send(res, 400, { statusCode: "400", error: "InvalidJWT", message: "invalid signature" });
        const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { url: string; exp: number };
        if (claims.url !== `${bucket}/${path.slice(signedPrefix.length)}`)
          return send(res, 400, { statusCode: "400", error: "InvalidSignature", message: "url mismatch" });
        if (Date.now() / 1000 >= claims.exp)
          return send(res, 400, {
            statusCode: "400",
            error: "InvalidJWT",
            message: '"exp" claim timestamp check failed',
          });
        const obj = objects.get(path.slice(signedPrefix.length));
        if (!obj) return notFound(res);
        return res.writeHead(200, { "content-type": obj.contentType }).end(obj.bytes);
      }

      if (req.headers.authorization !== `Bearer ${serviceRoleKey}` || req.headers.apikey !== serviceRoleKey) {
        return send(res, 400, { statusCode: "403", error: "Unauthorized", message: "invalid signature" });
      }
      const objectPrefix = `${PREFIX}/object/${bucket}/`;
      if (method === "POST" && path.startsWith(signedPrefix)) {
        const name = path.slice(signedPrefix.length);
        if (!objects.has(name)) return notFound(res);
        const { expiresIn } = JSON.parse(body.toString("utf8")) as { expiresIn: number };
        const payload = Buffer.from(
          JSON.stringify({
            url: `${bucket}/${name}`,
            iat: Math.floor(Date.now() / 1000),
            exp: Math.floor(Date.now() / 1000) + expiresIn,
          }),
        ).toString("base64url");
        return send(res, 200, { signedURL: `/object/sign/${bucket}/${name}?token=${payload}.${sign(payload)}` });
      }
      if (method === "POST" && path.startsWith(objectPrefix)) {
        const name = path.slice(objectPrefix.length);
        if (objects.has(name) && req.headers["x-upsert"] !== "true") {
          return send(res, 400, { statusCode: "409", error: "Duplicate", message: "The resource already exists" });
        }
        objects.set(name, { bytes: body, contentType: req.headers["content-type"] ?? "application/octet-stream" });
        return send(res, 200, { Key: `${bucket}/${name}`, Id: randomUUID() });
      }
      if (method === "GET" && path.startsWith(objectPrefix)) {
        const obj = objects.get(path.slice(objectPrefix.length));
        if (!obj) return notFound(res);
        return res.writeHead(200, { "content-type": obj.contentType }).end(obj.bytes);
      }
      if (method === "DELETE" && path === `${PREFIX}/object/${bucket}`) {
        const { prefixes } = JSON.parse(body.toString("utf8")) as { prefixes: string[] };
        const removed = prefixes.filter((p) => objects.delete(p)).map((name) => ({ name, bucket_id: bucket }));
        return send(res, 200, removed);
      }
      return send(res, 400, { statusCode: "404", error: "not_found", message: "Bucket not found" });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    serviceRoleKey,
    bucket,
    calls,
    objects,
    failWith: (reply) => {
      failure = reply;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
