// GET /api/health - liveness plus a round trip to the database
import { asSystem } from "@/lib/db/context";

export const dynamic = "force-dynamic";

export async function GET() {
  const started = Date.now();
  try {
    await asSystem((db) => db.query("select 1"));
    return Response.json({ status: "ok", database: "ok", latencyMs: Date.now() - started });
  } catch (err) {
    console.error("[health] database check failed", err);
    return Response.json({ status: "error", database: "unreachable" }, { status: 503 });
  }
}
