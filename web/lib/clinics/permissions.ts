// Who may do what in a clinic, in one pure module (no I/O): pages decide what to show with it, the staff
// navigation filters its entries with it and apiHandler refuses early with the same answer. The database
// stays the real guard (RLS policies and SQL functions check again); this module must never be looser than
// they are, only earlier and consistent.
import { AppError } from "@/lib/errors";

export const staffRoles = ["owner", "admin", "vet", "receptionist"] as const;
export type StaffRole = (typeof staffRoles)[number];
/** A staff role, or "client" for a person with a client record in the clinic. */
export type ClinicRole = StaffRole | "client";
export const clinicRoles: readonly ClinicRole[] = [...staffRoles, "client"];

const everyone: readonly ClinicRole[] = clinicRoles;
const staff: readonly ClinicRole[] = staffRoles;
const managers: readonly ClinicRole[] = ["owner", "admin"];
const clinicians: readonly ClinicRole[] = ["owner", "admin", "vet"];

/** Each action and the roles allowed to do it. Names read `area.verb`. */
export const actionRoles = {
  "clinic.read": staff,
  "clinic.editSettings": managers,
  "bookingRules.read": everyone,
  "bookingRules.edit": managers,
  "reminders.read": staff,
  "reminders.edit": managers,
  "services.read": everyone,
  /** See services that are switched off or not bookable online. */
  "services.readAll": staff,
  "services.edit": managers,
  "team.read": staff,
  /** Invite people, see pending invitations, remove members. */
  "team.manage": managers,
  "clients.manage": staff,
  "profile.useOwn": ["client"],
  /** List, book, cancel, reschedule appointments and fetch their calendar files (clients: their own). */
  "appointments.use": everyone,
  /** Act for a client other than oneself (clientId in a request), filter the calendar by vet. */
  "appointments.actForAnyClient": staff,
  /** See the whole clinic's calendar and filter it by vet (clients see only their own appointments). */
  "appointments.readCalendar": staff,
  "appointments.setStatus": staff,
  "bookingRequests.create": everyone,
  "bookingRequests.manage": staff,
  "pets.use": everyone,
  "pets.actForAnyClient": staff,
  "schedules.read": staff,
  /** Edit one's own weekly hours, date overrides and time off. */
  "schedules.editOwn": staff,
  /** Edit anyone's schedule. */
  "schedules.editAny": ["owner", "admin", "receptionist"],
  "jobs.read": ["owner"],
  /** Open a visit (check in an appointment, or a walk-in) and see the visits, charges and weights. */
  "visits.open": staff,
  "visits.read": staff,
  /** Write SOAP notes, vitals, charges, sharing; finalize; add addenda. */
  "visits.write": clinicians,
  /** A pet's shared visit summaries (clients: their own pets). */
  "visits.readShared": everyone,
  /** See a pet's prescriptions and the dispensing ledger. */
  "prescriptions.read": staff,
  /** Prescribe and cancel prescriptions: vets only. */
  "prescriptions.prescribe": ["vet"],
  /** Hand out a fill; the clinic has no nurse role, so the front desk dispenses too. */
  "prescriptions.dispense": staff,
  "vaccinations.read": staff,
  /** Record a vaccination given; receptionists do not give vaccines. */
  "vaccinations.record": ["owner", "admin", "vet"],
  /** The clinic's vaccine list (names, species, intervals). */
  "vaccines.manage": ["owner", "admin", "vet"],
  /** Create, edit and issue invoices, record desk payments, see the takings. */
  "billing.use": staff,
  /** Void invoices, refund payments, edit tax rates and the clinic's legal details. */
  "billing.manage": managers,
  /** A client's own issued invoices. */
  "invoices.readOwn": ["client"],
} as const satisfies Record<string, readonly ClinicRole[]>;

export type Action = keyof typeof actionRoles;
export const actions = Object.keys(actionRoles) as Action[];

/** What the caller is to a clinic: a staff role, a client record, both or neither. */
export interface Standing {
  role: StaffRole | null;
  clientId: string | null;
}

/** Whether this role may do this action. */
export function roleCan(role: ClinicRole, action: Action): boolean {
  return (actionRoles[action] as readonly ClinicRole[]).includes(role);
}

/** Whether the caller may do this action, as staff (their role) or as a client (their client record). */
export function can(who: Standing, action: Action): boolean {
  if (who.role && roleCan(who.role, action)) return true;
  return who.clientId !== null && roleCan("client", action);
}

/** Throws FORBIDDEN unless the caller may do this action; the message says which kind of person may. */
export function requireCan(who: Standing, action: Action): void {
  if (can(who, action)) return;
  if (who.role) throw new AppError("FORBIDDEN", "Your role in this clinic does not allow that.");
  const staffOnly = !roleCan("client", action);
  throw new AppError(
    "FORBIDDEN",
    staffOnly ? "This is for the clinic's staff." : "You do not have access to this in this clinic.",
  );
}

/**
 * The client a request acts for. Staff may name any client (or none); a client acts for themselves, and
 * naming someone else is refused as FORBIDDEN on `clientId` (the same answer the booking SQL gives),
 * never silently replaced by their own id.
 */
export function actingClientId(
  who: Standing,
  requested: string | null | undefined,
  action: "appointments.actForAnyClient" | "pets.actForAnyClient",
): string | null {
  if (can(who, action)) return requested ?? null;
  if (requested && requested !== who.clientId) {
    const message = "You can only act for yourself.";
    throw new AppError("FORBIDDEN", message, { fields: { clientId: [message] } });
  }
  return who.clientId;
}

/** Roles a member may give when inviting: only an owner makes another owner. */
export function invitableRoles(role: StaffRole | null): StaffRole[] {
  if (!role || !roleCan(role, "team.manage")) return [];
  return role === "owner" ? ["vet", "receptionist", "admin", "owner"] : ["vet", "receptionist", "admin"];
}

/** Whether the actor may remove this member: managers remove others, and only an owner removes an owner. */
export function canRemoveMember(
  actor: { role: StaffRole | null; userId: string },
  member: { role: StaffRole; userId: string },
): boolean {
  if (!actor.role || !roleCan(actor.role, "team.manage")) return false;
  if (actor.userId === member.userId) return false;
  return member.role !== "owner" || actor.role === "owner";
}

/** Whose schedule the actor may edit: anyone's, or only their own. */
export function canEditScheduleOf(actor: { role: StaffRole | null; userId: string }, vetId: string): boolean {
  if (!actor.role) return false;
  if (roleCan(actor.role, "schedules.editAny")) return true;
  return actor.userId === vetId && roleCan(actor.role, "schedules.editOwn");
}

/** Receptionists do not perform services, so they have no schedule and are never booked. */
export function performsServices(role: StaffRole): boolean {
  return role !== "receptionist";
}
