// The prescription's state as a coloured badge with its word (colour is never the only signal).
import type { PrescriptionStatus } from "@/lib/prescriptions/prescription-record";

const colours: Record<PrescriptionStatus, string> = {
  active: "bg-green-100 text-green-900",
  exhausted: "bg-slate-200 text-slate-800",
  expired: "bg-amber-100 text-amber-900",
  cancelled: "bg-red-100 text-red-900",
};

export function PrescriptionStatusBadge({ status, label }: { status: PrescriptionStatus; label: string }) {
  return <span className={`rounded px-2 py-0.5 text-xs font-medium ${colours[status]}`}>{label}</span>;
}
