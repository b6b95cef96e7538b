// A local HTTP server standing in for the Stripe API endpoints Vete calls, for tests only. The real `stripe`
// SDK is pointed at it (host/port/protocol). It keeps Stripe's rules that matter to us:
// - idempotency: a key is scoped to the account (Stripe-Account header or the platform); the same key with the
//   same method, path and parameters replays the stored response (Idempotent-Replayed: true); with different
//   ones it is a 400 idempotency_error; requests that failed before running (validation, rate limit, a 500 in
//   front of the API) store nothing. (Each request is handled in one turn of the event loop, so no two with
//   one key are ever in progress together, and Stripe's 409 for that case never arises here.)
// - objects shaped like Stripe's (ids with prefixes, `object`, amounts in minor units, status, metadata,
//   client_secret, latest_charge, errors as {error:{type,code,message,...}});
// - Connect: objects created with Stripe-Account belong to that account and are invisible from others.
// Faults are queued per test: 500s (before or after the work is done), hangs (timeouts), 429s; declines use
// Stripe's test payment methods (pm_card_chargeDeclined, pm_card_authenticationRequired).
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";

type Json = Record<string, unknown>;

export interface StripeRequest {
  method: string;
  path: string;
  account: string | null;
  idempotencyKey: string | null;
  params: Json;
}

export type FaultKind =
  /** 500 before anything is done: nothing is stored under the idempotency key. */
  | "error500"
  /** The work is done and stored under the key, but the answer is a 500 (a lost response). */
  | "lostResponse500"
  /** Accept the request and never answer (a timeout on the client). */
  | "hang"
  /** 429 rate_limit, nothing done. */
  | "rateLimit";

export interface Fault {
  kind: FaultKind;
  method?: string;
  /** Matches the request path (e.g. /^\/v1\/payment_intents$/). Any path when omitted. */
  path?: RegExp;
  /** How many matching requests it applies to (default 1). */
  times?: number;
}

interface Stored {
  fingerprint: string;
  status: number;
  body: unknown;
}

export interface StripeStandIn {
  url: string;
  requests: StripeRequest[];
  paymentIntents: Map<string, Json>;
  charges: Map<string, Json>;
  refunds: Map<string, Json>;
  accounts: Map<string, Json>;
  setupIntents: Map<string, Json>;
  addFault(fault: Fault): void;
  /** Marks a connected account as onboarded (what Stripe does when the clinic finishes the form). */
  completeOnboarding(accountId: string): Json;
  reset(): void;
  close(): Promise<void>;
}

const idChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
export function stripeId(prefix: string, length = 24): string {
  const bytes = randomBytes(length);
  let out = "";
  for (const b of bytes) out += idChars[b % idChars.length];
  return `${prefix}_${out}`;
}

const now = () => Math.floor(Date.now() / 1000);

/** Stripe's form encoding (a[b][c]=v, a[0]=v) to nested objects; list indexes become object keys. */
export function parseStripeForm(body: string): Json {
  const out: Json = {};
  for (const [rawKey, value] of new URLSearchParams(body)) {
    const parts = rawKey.split(/\[|\]\[|\]/).filter((p) => p !== "");
    let node = out;
    parts.forEach((part, i) => {
      if (i === parts.length - 1) node[part] = value;
      else node = (node[part] ??= {}) as Json;
    });
  }
  return out;
}

/** Parameters in a stable order, so the same request always has the same fingerprint. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  const entries = Object.entries(value as Json).sort(([a], [b]) => a.localeCompare(b));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
}

class StripeApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: Json,
    /** Whether Stripe would store this answer under the idempotency key (the endpoint ran). */
    readonly stored = false,
  ) {
    super(String(body.message));
  }
}

const invalid = (message: string, param?: string, code = "parameter_missing") =>
  new StripeApiError(400, { type: "invalid_request_error", code, message, ...(param && { param }) });
const missing = (kind: string, id: string) =>
  new StripeApiError(404, {
    type: "invalid_request_error",
    code: "resource_missing",
    message: `No such ${kind}: '${id}'`,
    param: "id",
  });

function intParam(params: Json, name: string): number {
  const raw = params[name];
  if (raw === undefined) throw invalid(`Missing required param: ${name}.`, name);
  const n = Number(raw);
  if (!Number.isInteger(n)) throw invalid(`Invalid integer: ${String(raw)}`, name, "parameter_invalid_integer");
  return n;
}

export interface StandInOptions {
  /** Send signed events to this endpoint after the work, as Stripe does (e2e); tests deliver their own otherwise. */
  webhook?: { url: string; secret: string };
  /** Fixed port (e2e); a free one by default. */
  port?: number;
}

export async function startStripeStandIn(opts: StandInOptions = {}): Promise<StripeStandIn> {
  const requests: StripeRequest[] = [];
  const paymentIntents = new Map<string, Json>();
  const charges = new Map<string, Json>();
  const refunds = new Map<string, Json>();
  const accounts = new Map<string, Json>();
  const setupIntents = new Map<string, Json>();
  const idempotency = new Map<string, Stored>();
  let faults: (Fault & { left: number })[] = [];
  const hanging = new Set<http.ServerResponse>();

  // Events about an invoice the driver holds wait until it releases them: a payment Stripe has taken whose
  // webhook is late, so the app reads it as still processing (e2e, one invoice only, so other tests go on).
  const heldInvoices = new Map<string, (() => void)[]>();
  // Events go out after the response, like Stripe's, signed with the SDK's own test helper.
  const notify = (type: string, object: Json, account: string | null) => {
    const hook = opts.webhook;
    if (!hook) return;
    const invoiceId = (object.metadata as Json | undefined)?.invoice_id;
    const held = typeof invoiceId === "string" ? heldInvoices.get(invoiceId) : undefined;
    if (held) {
      held.push(() => notify(type, object, account));
      return;
    }
    const payload = JSON.stringify(stripeEvent(type, object, { account }));
    const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: hook.secret });
    setTimeout(() => {
      fetch(hook.url, {
        method: "POST",
        headers: { "content-type": "application/json", "stripe-signature": signature },
        body: payload,
      })
        .then((res) => {
          if (!res.ok) console.error(`[stripe stand-in] ${type} answered ${res.status}`);
        })
        .catch((err: unknown) => console.error(`[stripe stand-in] ${type} not delivered`, err));
    }, 50);
  };

  const owned = (map: Map<string, Json>, kind: string, id: string, account: string | null): Json => {
    const obj = map.get(id);
    if (!obj || (obj._account ?? null) !== account) throw missing(kind, id);
    return obj;
  };
  const visible = (obj: Json): Json => {
    const copy: Json = {};
    for (const [k, v] of Object.entries(obj)) if (!k.startsWith("_")) copy[k] = v;
    return copy;
  };

  function chargeFor(pi: Json, account: string | null): Json {
    const charge: Json = {
      id: stripeId("ch"),
      object: "charge",
      amount: pi.amount,
      amount_captured: pi.amount,
      amount_refunded: 0,
      currency: pi.currency,
      captured: true,
      paid: true,
      refunded: false,
      disputed: false,
      status: "succeeded",
      payment_intent: pi.id,
      payment_method: pi.payment_method,
      metadata: pi.metadata,
      application_fee_amount: pi.application_fee_amount,
      created: now(),
      livemode: false,
      _account: account,
    };
    charges.set(charge.id as string, charge);
    return charge;
  }

  function confirm(pi: Json, params: Json, account: string | null): Json {
    if (!["requires_payment_method", "requires_confirmation", "requires_action"].includes(String(pi.status))) {
      throw new StripeApiError(
        400,
        {
          type: "invalid_request_error",
          code: "payment_intent_unexpected_state",
          message: `This PaymentIntent's status is ${String(pi.status)}, so it cannot be confirmed.`,
          payment_intent: visible(pi),
        },
        true,
      );
    }
    const method = String(params.payment_method ?? pi.payment_method ?? "");
    if (!method) throw invalid("You must provide a payment method.", "payment_method");
    pi.payment_method = method;
    if (method === "pm_card_chargeDeclined") {
      pi.status = "requires_payment_method";
      const error = {
        type: "card_error",
        code: "card_declined",
        decline_code: "generic_decline",
        message: "Your card was declined.",
        payment_method: { id: method, object: "payment_method" },
      };
      pi.last_payment_error = error;
      // Stripe tells the account about the decline too; the PaymentIntent stays open for another card
      notify("payment_intent.payment_failed", pi, account);
      throw new StripeApiError(402, { ...error, payment_intent: visible(pi) }, true);
    }
    if (method === "pm_card_authenticationRequired" && pi.status !== "requires_action") {
      pi.status = "requires_action";
      pi.next_action = { type: "use_stripe_sdk", use_stripe_sdk: { type: "three_d_secure_redirect" } };
      return pi;
    }
    pi.status = "succeeded";
    pi.next_action = null;
    pi.last_payment_error = null;
    pi.amount_received = pi.amount;
    pi.latest_charge = chargeFor(pi, account).id;
    return pi;
  }

  function route(method: string, path: string, params: Json, account: string | null): Json {
    let m: RegExpMatchArray | null;
    if (method === "POST" && path === "/v1/payment_intents") {
      const amount = intParam(params, "amount");
      if (amount < 50) throw invalid("Amount must be at least 50 cents.", "amount", "amount_too_small");
      if (typeof params.currency !== "string") throw invalid("Missing required param: currency.", "currency");
      const id = stripeId("pi");
      const pi: Json = {
        id,
        object: "payment_intent",
        amount,
        amount_capturable: 0,
        amount_received: 0,
        application_fee_amount:
          params.application_fee_amount === undefined ? null : intParam(params, "application_fee_amount"),
        automatic_payment_methods: params.automatic_payment_methods ?? null,
        capture_method: "automatic",
        client_secret: `${id}_secret_${stripeId("x", 20).slice(2)}`,
        confirmation_method: "automatic",
        created: now(),
        currency: params.currency.toLowerCase(),
        customer: params.customer ?? null,
        description: params.description ?? null,
        last_payment_error: null,
        latest_charge: null,
        livemode: false,
        metadata: params.metadata ?? {},
        next_action: null,
        off_session: params.off_session ?? null,
        on_behalf_of: null,
        payment_method: params.payment_method ?? null,
        status: "requires_payment_method",
        _account: account,
      };
      paymentIntents.set(id, pi);
      if (params.confirm === "true") return confirm(pi, params, account);
      return pi;
    }
    if ((m = path.match(/^\/v1\/payment_intents\/([^/]+)$/)) && method === "GET") {
      return owned(paymentIntents, "payment_intent", m[1]!, account);
    }
    if ((m = path.match(/^\/v1\/payment_intents\/([^/]+)\/confirm$/)) && method === "POST") {
      const pi = confirm(owned(paymentIntents, "payment_intent", m[1]!, account), params, account);
      if (pi.status === "succeeded") notify("payment_intent.succeeded", pi, account);
      return pi;
    }
    if ((m = path.match(/^\/v1\/charges\/([^/]+)$/)) && method === "GET") {
      return owned(charges, "charge", m[1]!, account);
    }
    if ((m = path.match(/^\/v1\/payment_intents\/([^/]+)\/cancel$/)) && method === "POST") {
      const pi = owned(paymentIntents, "payment_intent", m[1]!, account);
      if (pi.status === "succeeded" || pi.status === "canceled") {
        throw new StripeApiError(
          400,
          {
            type: "invalid_request_error",
            code: "payment_intent_unexpected_state",
            message: `You cannot cancel this PaymentIntent because it has a status of ${String(pi.status)}.`,
          },
          true,
        );
      }
      pi.status = "canceled";
      pi.canceled_at = now();
      pi.cancellation_reason = params.cancellation_reason ?? null;
      return pi;
    }
    if (method === "POST" && path === "/v1/refunds") {
      let charge: Json;
      if (typeof params.charge === "string") charge = owned(charges, "charge", params.charge, account);
      else if (typeof params.payment_intent === "string") {
        const pi = owned(paymentIntents, "payment_intent", params.payment_intent, account);
        if (typeof pi.latest_charge !== "string") {
          throw invalid("This PaymentIntent does not have a successful charge to refund.", "payment_intent");
        }
        charge = owned(charges, "charge", pi.latest_charge, account);
      } else
        throw invalid("One of the following params should be provided for this request: payment_intent or charge.");
      const left = Number(charge.amount) - Number(charge.amount_refunded);
      if (left === 0) {
        throw new StripeApiError(
          400,
          {
            type: "invalid_request_error",
            code: "charge_already_refunded",
            message: `Charge ${String(charge.id)} has already been refunded.`,
          },
          true,
        );
      }
      const amount = params.amount === undefined ? left : intParam(params, "amount");
      if (amount <= 0 || amount > left) {
        throw invalid(
          `Refund amount (${amount}) is greater than unrefunded amount on charge (${left})`,
          "amount",
          "amount_too_large",
        );
      }
      charge.amount_refunded = Number(charge.amount_refunded) + amount;
      charge.refunded = charge.amount_refunded === charge.amount;
      const refund: Json = {
        id: stripeId("re"),
        object: "refund",
        amount,
        charge: charge.id,
        currency: charge.currency,
        created: now(),
        metadata: params.metadata ?? {},
        payment_intent: charge.payment_intent,
        reason: params.reason ?? null,
        status: "succeeded",
        _account: account,
      };
      refunds.set(refund.id as string, refund);
      notify("charge.refunded", charge, account);
      return refund;
    }
    if (method === "POST" && path === "/v1/accounts") {
      if (account) throw invalid("Connected accounts cannot create accounts.", undefined, "platform_api_key_required");
      const acct: Json = {
        id: stripeId("acct", 16),
        object: "account",
        type: params.type ?? "express",
        country: params.country ?? "ES",
        email: params.email ?? null,
        default_currency: "eur",
        business_profile: params.business_profile ?? {},
        capabilities: {},
        charges_enabled: false,
        payouts_enabled: false,
        details_submitted: false,
        metadata: params.metadata ?? {},
        created: now(),
        _account: null,
      };
      accounts.set(acct.id as string, acct);
      return acct;
    }
    if ((m = path.match(/^\/v1\/accounts\/([^/]+)$/)) && method === "GET") {
      return owned(accounts, "account", m[1]!, null);
    }
    if (method === "POST" && path === "/v1/account_links") {
      for (const p of ["account", "refresh_url", "return_url", "type"]) {
        if (typeof params[p] !== "string") throw invalid(`Missing required param: ${p}.`, p);
      }
      owned(accounts, "account", String(params.account), null);
      return {
        object: "account_link",
        created: now(),
        expires_at: now() + 300,
        url: `https://connect.stripe.com/setup/e/${String(params.account)}/${stripeId("x", 12).slice(2)}`,
      };
    }
    if (method === "POST" && path === "/v1/setup_intents") {
      const id = stripeId("seti");
      const seti: Json = {
        id,
        object: "setup_intent",
        client_secret: `${id}_secret_${stripeId("x", 20).slice(2)}`,
        created: now(),
        customer: params.customer ?? null,
        latest_attempt: null,
        livemode: false,
        metadata: params.metadata ?? {},
        payment_method: params.payment_method ?? null,
        status: "requires_payment_method",
        usage: params.usage ?? "off_session",
        _account: account,
      };
      setupIntents.set(id, seti);
      return seti;
    }
    throw new StripeApiError(404, {
      type: "invalid_request_error",
      message: `Unrecognized request URL (${method}: ${path}).`,
    });
  }

  function takeFault(method: string, path: string): FaultKind | undefined {
    const f = faults.find((x) => x.left > 0 && (!x.method || x.method === method) && (!x.path || x.path.test(path)));
    if (!f) return undefined;
    f.left -= 1;
    faults = faults.filter((x) => x.left > 0);
    return f.kind;
  }

  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (c: Buffer) => (raw += c.toString("utf8")));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://stand-in");
      const method = req.method ?? "GET";
      const path = url.pathname;
      const account = (req.headers["stripe-account"] as string | undefined) ?? null;
      const key = (req.headers["idempotency-key"] as string | undefined) ?? null;
      const params = method === "GET" ? parseStripeForm(url.search.slice(1)) : parseStripeForm(raw);
      requests.push({ method, path, account, idempotencyKey: key, params });

      const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        if (res.destroyed) return;
        res.writeHead(status, {
          "content-type": "application/json",
          "request-id": stripeId("req", 14),
          ...(key && { "idempotency-key": key }),
          ...headers,
        });
        res.end(JSON.stringify(body));
      };
      // the test driver's own endpoints (e2e): not Stripe's, no key needed
      if (path === "/_stand-in/health") return send(200, { ok: true });
      if (path === "/_stand-in/complete-onboarding" && method === "POST") {
        const done = [...accounts.values()].filter((a) => a.charges_enabled !== true).map((a) => String(a.id));
        for (const id of done) standIn.completeOnboarding(id);
        return send(200, { accounts: done });
      }
      if (path === "/_stand-in/hold-webhooks" && method === "POST") {
        heldInvoices.set(String(params.invoice_id), heldInvoices.get(String(params.invoice_id)) ?? []);
        return send(200, { held: params.invoice_id });
      }
      if (path === "/_stand-in/release-webhooks" && method === "POST") {
        const held = heldInvoices.get(String(params.invoice_id)) ?? [];
        heldInvoices.delete(String(params.invoice_id));
        for (const deliver of held) deliver();
        return send(200, { released: held.length });
      }
      if (!/^Bearer (sk|rk)_/.test(req.headers.authorization ?? "")) {
        return send(401, { error: { type: "invalid_request_error", message: "Invalid API Key provided." } });
      }
      const fault = takeFault(method, path);
      if (fault === "hang") {
        hanging.add(res);
        return;
      }
      if (fault === "rateLimit") {
        return send(429, {
          error: {
            type: "invalid_request_error",
            code: "rate_limit",
            message: "Too many requests hit the API too quickly.",
          },
        });
      }
      if (fault === "error500") {
        return send(500, { error: { type: "api_error", message: "Something went wrong on Stripe's end." } });
      }

      const scoped = key ? `${account ?? "platform"}:${key}` : null;
      const fingerprint = `${method} ${path} ${canonical(params)}`;
      const previous = scoped ? idempotency.get(scoped) : undefined;
      if (previous) {
        if (previous.fingerprint !== fingerprint) {
          return send(400, {
            error: {
              type: "idempotency_error",
              message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
            },
          });
        }
        return send(previous.status, previous.body, { "idempotent-replayed": "true" });
      }

      let status = 200;
      let body: unknown;
      let store = method === "POST";
      try {
        body = visible(route(method, path, params, account));
      } catch (err) {
        if (!(err instanceof StripeApiError)) throw err;
        status = err.status;
        body = { error: err.body };
        store = store && err.stored;
      }
      if (scoped && store) idempotency.set(scoped, { fingerprint, status, body });
      if (fault === "lostResponse500") {
        return send(500, { error: { type: "api_error", message: "Something went wrong on Stripe's end." } });
      }
      send(status, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const standIn: StripeStandIn = {
    url: `http://127.0.0.1:${port}`,
    requests,
    paymentIntents,
    charges,
    refunds,
    accounts,
    setupIntents,
    addFault: (fault) => faults.push({ ...fault, left: fault.times ?? 1 }),
    completeOnboarding: (accountId) => {
      const acct = accounts.get(accountId);
      if (!acct) throw new Error(`no account ${accountId}`);
      Object.assign(acct, { charges_enabled: true, payouts_enabled: true, details_submitted: true });
      notify("account.updated", acct, accountId);
      return visible(acct);
    },
    reset: () => {
      requests.length = 0;
      faults = [];
      for (const map of [paymentIntents, charges, refunds, accounts, setupIntents, idempotency]) map.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return standIn;
}

/** A webhook event as Stripe sends it, around a copy of an object (a PaymentIntent, a charge, an account...). */
export function stripeEvent(
  type: string,
  object: Json,
  opts: { account?: string | null; created?: number; id?: string; previousAttributes?: Json } = {},
): Json {
  const data: Json = { object: Object.fromEntries(Object.entries(object).filter(([k]) => !k.startsWith("_"))) };
  if (opts.previousAttributes) data.previous_attributes = opts.previousAttributes;
  return {
    id: opts.id ?? stripeId("evt"),
    object: "event",
    api_version: "2026-10-28.endive",
    created: opts.created ?? now(),
    type,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    ...(opts.account && { account: opts.account }),
    data,
  };
}

export const TEST_WEBHOOK_SECRET = "whsec_vete_test_secret";

/**
 * Points the app's Stripe configuration at the stand-in. Call before anything reads env() in the test
 * file (the app reads its environment once per process).
 */
export function configureStripeForStandIn(standIn: StripeStandIn, opts: { timeoutMs?: number } = {}): void {
  process.env.STRIPE_SECRET_KEY = "sk_test_vete_stand_in";
  process.env.STRIPE_WEBHOOK_SECRET = TEST_WEBHOOK_SECRET;
  process.env.STRIPE_PUBLISHABLE_KEY = "pk_test_vete_stand_in";
  process.env.STRIPE_API_BASE = standIn.url;
  process.env.STRIPE_TIMEOUT_MS = String(opts.timeoutMs ?? 1_500);
  process.env.STRIPE_MAX_NETWORK_RETRIES = "1";
}
