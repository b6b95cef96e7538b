// The lines of a draft as staff (and later visits, orders, subscriptions) send them, checked before SQL sees
// them; the SQL checks again (constraints on public.invoice_lines). Amounts are minor units.
import { z } from "zod";

const amountField = z.number().int("Whole minor units").min(0, "Not negative").max(100_000_000_00, "Too large");

export const invoiceLineSchema = z
  .strictObject({
    kind: z.enum(["service", "product", "text"]),
    description: z.string().trim().min(1, "Enter a description").max(500, "At most 500 characters"),
    quantity: z.number().min(0, "Not negative").max(100_000, "Too large").multipleOf(0.001).optional(),
    unitPriceMinor: amountField.optional(),
    discountMinor: amountField.optional(),
    taxRateId: z.uuid("Pick a tax rate").nullable().optional(),
  })
  .superRefine((line, ctx) => {
    if (line.kind === "text") return;
    if (!line.taxRateId) ctx.addIssue({ code: "custom", path: ["taxRateId"], message: "Pick a tax rate" });
    const gross = Math.round((line.quantity ?? 1) * (line.unitPriceMinor ?? 0));
    if ((line.discountMinor ?? 0) > gross)
      ctx.addIssue({ code: "custom", path: ["discountMinor"], message: "The discount is more than the line" });
  });

export const invoiceLinesField = z.array(invoiceLineSchema).max(200, "At most 200 lines");
export type InvoiceLineInput = z.input<typeof invoiceLineSchema>;

/** The JSON list private.replace_invoice_lines reads (snake_case keys; text lines carry no amounts). */
export function linesToJson(lines: z.output<typeof invoiceLinesField>): string {
  return JSON.stringify(
    lines.map((l) =>
      l.kind === "text"
        ? { kind: "text", description: l.description }
        : {
            kind: l.kind,
            description: l.description,
            quantity: l.quantity ?? 1,
            unit_price_minor: l.unitPriceMinor ?? 0,
            discount_minor: l.discountMinor ?? 0,
            tax_rate_id: l.taxRateId,
          },
    ),
  );
}
