// Money received and refunded per payment method on one day in the clinic's zone (SQL: daily_takings), for
// closing the till. Staff only (the SQL checks the role).
import "server-only";
import { z } from "zod";
import { rpc } from "@/lib/db/rpc";
import type { Db } from "@/lib/db/types";
import { parseWith } from "@/lib/validation/parse";
import { idField } from "./invoice-record";
import type { PaymentMethod } from "./rpc-types";

export const dailyTakingsSchema = z.object({ day: z.iso.date("Use YYYY-MM-DD").optional() });

export interface DailyTakings {
  day: string;
  currency: string;
  methods: { method: PaymentMethod; count: number; receivedMinor: number; refundedMinor: number; netMinor: number }[];
  totalNetMinor: number;
}

export async function getDailyTakings(
  db: Db,
  clinicId: string,
  input: z.input<typeof dailyTakingsSchema>,
): Promise<DailyTakings> {
  const clinic = parseWith(idField, clinicId);
  const { day } = parseWith(dailyTakingsSchema, input);
  const rows = await rpc(db, "daily_takings", { p_clinic_id: clinic, p_day: day ?? null });
  const methods = rows.map((r) => ({
    method: r.method,
    count: r.payments_count,
    receivedMinor: Number(r.received_minor),
    refundedMinor: Number(r.refunded_minor),
    netMinor: Number(r.net_minor),
  }));
  return {
    day: rows[0]?.day ?? day ?? "",
    currency: rows[0]?.currency ?? "",
    methods,
    totalNetMinor: methods.reduce((a, m) => a + m.netMinor, 0),
  };
}
