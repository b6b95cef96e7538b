// Entries of the staff dashboard's navigation, in order. To add a section (Calendar, Requests, ...), add
// one entry here: `path` is relative to /[clinic]/staff, labels are inline so no other file changes.
import { roleCan, type Action, type StaffRole } from "@/lib/clinics/permissions";
import type { Locale } from "@/lib/i18n";

export interface StaffNavItem {
  /** Relative to /[clinic]/staff; "" is the home page. */
  path: string;
  label: Record<Locale, string>;
  /** The action the page is for (lib/clinics/permissions); roles that may not do it do not see the entry. */
  action?: Action;
}

export const staffNavItems: readonly StaffNavItem[] = [
  { path: "", label: { en: "Today", es: "Hoy" } },
  { path: "calendar", label: { en: "Calendar", es: "Agenda" } },
  { path: "requests", label: { en: "Requests", es: "Solicitudes" } },
  { path: "clients", label: { en: "Clients", es: "Clientes" } },
  { path: "services", label: { en: "Services", es: "Servicios" } },
  { path: "vaccines", label: { en: "Vaccines", es: "Vacunas" }, action: "vaccinations.read" },
  { path: "schedules", label: { en: "Schedules", es: "Horarios" } },
  { path: "invoices", label: { en: "Invoices", es: "Facturas" }, action: "billing.use" },
  { path: "takings", label: { en: "Takings", es: "Caja" }, action: "billing.use" },
  { path: "team", label: { en: "Team", es: "Equipo" } },
  { path: "settings", label: { en: "Settings", es: "Ajustes" } },
  { path: "jobs", label: { en: "Jobs", es: "Tareas" }, action: "jobs.read" },
];

/** The entries a role sees, as links for one clinic. */
export function navLinksFor(
  slug: string,
  role: StaffRole,
  locale: Locale,
): { href: string; label: string; exact: boolean }[] {
  return staffNavItems
    .filter((item) => !item.action || roleCan(role, item.action))
    .map((item) => ({
      href: item.path ? `/${slug}/staff/${item.path}` : `/${slug}/staff`,
      label: item.label[locale],
      exact: item.path === "",
    }));
}
