// The one wrapper for JSON routes: authenticate, authorize by clinic role, parse (zod), run, map errors.
import "server-only";
import type { z } from "zod";
import { getSessionUser, type CurrentUser } from "@/lib/auth/session";
import { getClinicAccess, type ClinicAccess } from "@/lib/clinics/get-clinic-access";
import { requireCan, type Action } from "@/lib/clinics/permissions";
import { withUser } from "@/lib/db/context";
import { AppError } from "@/lib/errors";
import { parseWith } from "@/lib/validation/parse";
import { readJsonBody, readOptionalJsonBody, searchParamsObject, DEFAULT_MAX_BODY_BYTES } from "./parse";
import { errorResponse, json } from "./respond";
import { withIdempotency } from "./idempotency";

type RouteParams = { params: Promise<Record<string, string | string[] | undefined>> };

export interface HandlerContext<TBody, TQuery> {
  req: Request;
  user: CurrentUser;
  body: TBody;
  query: TQuery;
  params: Record<string, string>;
  /** Present when the route names a clinic ([clinic] segment) and access was checked. */
  access: ClinicAccess | null;
}

export interface HandlerConfig<TBody, TQuery> {
  body?: z.ZodType<TBody>;
  query?: z.ZodType<TQuery>;
  /** What the route does, checked against the role rules in lib/clinics/permissions; omit for any signed-in user. */
  action?: Action;
  maxBodyBytes?: number;
  /** Accept an Idempotency-Key header (POSTs that create bookings, orders or payments). */
  idempotent?: boolean;
  status?: number;
  /** The handler reads the request body itself (file uploads); nothing is read or parsed here. */
  ownBody?: boolean;
}

async function resolveAccess(user: CurrentUser, params: Record<string, string>, action?: Action) {
  const slug = params.clinic;
  if (!slug) return null;
  const access = await withUser(user, (db) => getClinicAccess(db, slug));
  if (action) requireCan(access, action);
  return access;
}

export function apiHandler<TBody = undefined, TQuery = undefined>(
  config: HandlerConfig<TBody, TQuery>,
  fn: (ctx: HandlerContext<TBody, TQuery>) => Promise<unknown>,
) {
  return async (req: Request, route?: RouteParams): Promise<Response> => {
    try {
      const rawParams = (await route?.params) ?? {};
      const params: Record<string, string> = {};
      for (const [k, v] of Object.entries(rawParams)) if (typeof v === "string") params[k] = v;

      const user = await getSessionUser(req.headers);
      if (!user) throw new AppError("UNAUTHENTICATED", "Please sign in.");
      // who may call comes before what they sent: a refused caller gets the same 403 whatever the body
      const access = await resolveAccess(user, params, config.action);

      let raw = "";
      let body = undefined as TBody;
      if (config.body) {
        const parsed = await readJsonBody(req, config.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
        raw = parsed.raw;
        body = parseWith(config.body, parsed.value);
      } else if (req.method !== "GET" && req.method !== "HEAD" && !config.ownBody) {
        raw = await readOptionalJsonBody(req, config.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
      }
      const query = (
        config.query ? parseWith(config.query, searchParamsObject(new URL(req.url))) : undefined
      ) as TQuery;

      const run = async () => {
        const result = await fn({ req, user, body, query, params, access });
        return result instanceof Response ? result : json(result ?? { ok: true }, config.status ?? 200);
      };
      const key = req.headers.get("idempotency-key");
      if (config.idempotent && key) {
        return await withIdempotency({ scope: `${user.userId}:${new URL(req.url).pathname}`, key, body: raw }, run);
      }
      return await run();
    } catch (err) {
      return errorResponse(err);
    }
  };
}

/** For routes with no body schema: rejects any body-bearing call that is not JSON, consistently. */
export { errorResponse, json };
