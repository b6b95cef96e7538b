// Malformed-input sweep over every JSON route found under web/app/api at run time: broken JSON, the wrong
// JSON shape, wrong field types, missing fields, another content type and a 2 MB body must all get a 4xx
// JSON error (never a 500, a stack trace or SQL), signed in or not. New routes are covered automatically.
import path from "node:path";
import { randomUUID } from "node:crypto";
import { expect, request, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { discoverApiRoutes, type ApiRoute, type HttpMethod } from "../helpers/api-routes";

const routes = discoverApiRoutes(path.join(__dirname, "..", "..", "app"), { clinicSlug: "demo" });
const PASSWORD = "vete-demo-2026";

const COMMON_KEYS = [
  "name",
  "fullName",
  "email",
  "phone",
  "password",
  "slug",
  "locale",
  "role",
  "timeZone",
  "currency",
  "address",
  "notes",
  "reason",
  "status",
  "species",
  "breed",
  "sex",
  "birthDate",
  "date",
  "startsAt",
  "endsAt",
  "from",
  "to",
  "id",
  "userId",
  "clientId",
  "petId",
  "vetId",
  "serviceId",
  "productId",
  "orderId",
  "invoiceId",
  "token",
  "quantity",
  "qty",
  "amount",
  "amountCents",
  "priceCents",
  "weightKg",
  "limit",
  "items",
  "lines",
  "message",
];
/** Every common key with a type no schema would take for it. */
const wrongTypes = Object.fromEntries(
  COMMON_KEYS.map((k, i) => [k, [123, false, ["x"], { nested: true }, -1.5][i % 5]]),
);

interface Payload {
  label: string;
  body: string | Buffer;
  contentType: string;
  /** true: any route must refuse it with a 4xx; false: a route may legitimately accept it */
  alwaysRefused: boolean;
}

const payloads: Payload[] = [
  // A Buffer: Playwright JSON-encodes a string body it cannot parse when the type is JSON, which would send
  // the valid JSON string "{\"a\":" instead of a malformed body.
  { label: "malformed JSON", body: Buffer.from('{"a":'), contentType: "application/json", alwaysRefused: true },
  { label: "a JSON array", body: "[1,2,3]", contentType: "application/json", alwaysRefused: false },
  { label: "a JSON number", body: "42", contentType: "application/json", alwaysRefused: false },
  { label: "a JSON string", body: '"hello"', contentType: "application/json", alwaysRefused: false },
  {
    label: "wrong types for every common field",
    body: JSON.stringify(wrongTypes),
    contentType: "application/json",
    alwaysRefused: false,
  },
  { label: "text/plain", body: '{"name":"x"}', contentType: "text/plain", alwaysRefused: true },
  {
    label: "a 2 MB body",
    body: JSON.stringify({ name: "x".repeat(2 * 1024 * 1024) }),
    contentType: "application/json",
    alwaysRefused: true,
  },
];
const emptyObject: Payload = {
  label: "an empty object",
  body: "{}",
  contentType: "application/json",
  alwaysRefused: false,
};

const LEAKS: [string, RegExp][] = [
  ["a stack trace", /\bat\s+\S+\s+\(.*:\d+:\d+\)|\bat\s+(?:file:|\/|node:)\S*:\d+/],
  ["a source path", /node_modules|webpack-internal|\.next[\\/]/],
  ["SQL", /\bselect\b[\s\S]{0,200}\bfrom\b|\binsert\s+into\b|\bupdate\s+\w+\s+set\b|\bdelete\s+from\b/i],
  ["a database detail", /postgres|ECONNREFUSED|\bpg_|sqlstate|relation "|violates .* constraint/i],
];

async function expectSafe(res: APIResponse, what: string, { mustRefuse }: { mustRefuse: boolean }) {
  const status = res.status();
  const text = await res.text();
  expect(status, `${what}: got ${status} ${text.slice(0, 300)}`).toBeLessThan(500);
  if (mustRefuse)
    expect(status, `${what}: expected a 4xx, got ${status} ${text.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
  for (const [kind, pattern] of LEAKS)
    expect(pattern.test(text), `${what}: response shows ${kind}: ${text.slice(0, 500)}`).toBe(false);
  if (status >= 400) {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new Error(`${what}: ${status} is not JSON: ${text.slice(0, 300)}`);
    }
    const error = (body as { error?: { code?: unknown; message?: unknown } }).error;
    expect(typeof error?.code, `${what}: error.code missing in ${text.slice(0, 300)}`).toBe("string");
    expect(typeof error?.message, `${what}: error.message missing in ${text.slice(0, 300)}`).toBe("string");
  }
}

function send(ctx: APIRequestContext, method: HttpMethod, url: string, p: Payload) {
  return ctx.fetch(url, {
    method,
    data: p.body,
    headers: { "content-type": p.contentType },
    failOnStatusCode: false,
    maxRedirects: 0,
  });
}

async function newContext(baseURL: string, email?: string): Promise<APIRequestContext> {
  const ctx = await request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  if (email) {
    const res = await ctx.post("/api/auth/sign-in/email", { data: { email, password: PASSWORD } });
    expect(res.status(), `sign in as ${email}: ${await res.text()}`).toBe(200);
  }
  return ctx;
}

const bodyRoutes = routes.flatMap((r) => r.methods.filter((m) => m !== "GET").map((m) => ({ route: r, method: m })));
const getRoutes = routes.filter((r) => r.methods.includes("GET"));
const isCron = (r: ApiRoute) => r.url.startsWith("/api/cron/");
const isPublic = (r: ApiRoute) => r.url === "/api/health";

test.describe("API malformed-input sweep", () => {
  test.describe.configure({ mode: "serial" });
  let anon: APIRequestContext;
  let owner: APIRequestContext;
  let client: APIRequestContext;

  test.beforeAll(async () => {
    const baseURL = test.info().project.use.baseURL;
    if (!baseURL) throw new Error("baseURL is not configured");
    anon = await newContext(baseURL);
    owner = await newContext(baseURL, "owner@demo.vete.test");
    client = await newContext(baseURL, "client@demo.vete.test");
  });

  test.afterAll(async () => {
    await Promise.all([anon?.dispose(), owner?.dispose(), client?.dispose()]);
  });

  test("discovers the API routes from the file system", () => {
    expect(routes.map((r) => r.url)).toContain("/api/health");
    expect(routes.some((r) => r.url.startsWith("/api/auth"))).toBe(false);
    expect(bodyRoutes.length).toBeGreaterThan(0);
  });

  test("recognises a leaked stack trace, SQL and database details (the checks can fail)", () => {
    const leaks = [
      "Error: boom\n    at runHandler (/srv/app/web/.next/server/app/api/x/route.js:1:2)",
      'error: duplicate key value violates unique constraint "clinics_slug_key"',
      "select id from public.clinics where slug = $1",
      "connect ECONNREFUSED 127.0.0.1:5432",
    ];
    for (const text of leaks)
      expect(
        LEAKS.some(([, re]) => re.test(text)),
        text,
      ).toBe(true);
    const fine = [
      '{"error":{"code":"INVALID_INPUT","message":"Please select a date at the top.","fields":{"date":["Required"]}}}',
    ];
    for (const text of fine)
      expect(
        LEAKS.some(([, re]) => re.test(text)),
        text,
      ).toBe(false);
  });

  for (const { route, method } of bodyRoutes) {
    test(`${method} ${route.file} refuses bad bodies when signed out`, async () => {
      for (const p of [...payloads, emptyObject]) {
        await expectSafe(await send(anon, method, route.url, p), `signed out ${method} ${route.url} with ${p.label}`, {
          mustRefuse: true,
        });
      }
    });

    test(`${method} ${route.file} refuses bad bodies from the signed-in demo owner`, async () => {
      for (const p of payloads) {
        const res = await send(owner, method, route.url, p);
        const what = `owner ${method} ${route.url} with ${p.label}`;
        expect(res.status(), `${what}: the owner is signed in, so not 401`).not.toBe(401);
        await expectSafe(res, what, { mustRefuse: p.alwaysRefused });
      }
      // `{}` runs as the demo client, whose valid-but-empty requests (e.g. registering again) change nothing shared
      await expectSafe(await send(client, method, route.url, emptyObject), `client ${method} ${route.url} with {}`, {
        mustRefuse: false,
      });
    });
  }

  for (const route of getRoutes) {
    test(`GET ${route.file} survives garbage query parameters`, async () => {
      const garbage = `?limit=abc&offset=-1&page=1e309&date=notadate&from=2026-13-45&to=%00&cursor=${"z".repeat(300)}&id=${randomUUID()}x&sort=;drop`;
      for (const [who, ctx] of [
        ["signed out", anon],
        ["owner", owner],
      ] as const) {
        const res = await ctx.get(route.url + garbage, { failOnStatusCode: false, maxRedirects: 0 });
        const what = `${who} GET ${route.url}${garbage}`;
        if (isCron(route)) {
          expect(res.status(), what).toBe(401);
        } else if (isPublic(route)) {
          expect(res.status(), what).toBe(200);
        } else if (who === "signed out") {
          expect(res.status(), what).toBeGreaterThanOrEqual(400);
        }
        await expectSafe(res, what, { mustRefuse: false });
      }
    });
  }

  for (const route of getRoutes.filter(isCron)) {
    test(`GET ${route.file} refuses a wrong cron secret`, async () => {
      for (const authorization of [
        "Bearer wrong-secret",
        "Bearer ",
        "Basic Zm9vOmJhcg==",
        "bearer e2e-cron-secret-0123456789",
      ]) {
        const res = await anon.get(route.url, { headers: { authorization }, failOnStatusCode: false });
        expect(res.status(), `${route.url} with ${authorization}`).toBe(401);
        await expectSafe(res, `${route.url} with ${authorization}`, { mustRefuse: true });
      }
    });
  }
});
