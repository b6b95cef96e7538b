// A vaccine status as a coloured badge with its word (colour is never the only signal); staff and portal.
import type { VaccineStatus } from "@/lib/vaccinations/vaccine-record";

const colours: Record<VaccineStatus, string> = {
  up_to_date: "bg-green-100 text-green-900",
  due_soon: "bg-amber-100 text-amber-900",
  overdue: "bg-red-100 text-red-900",
  no_due_date: "bg-slate-200 text-slate-800",
};

export function VaccineStatusBadge({ status, label }: { status: VaccineStatus; label: string }) {
  return <span className={`rounded px-2 py-0.5 text-xs font-medium ${colours[status]}`}>{label}</span>;
}
