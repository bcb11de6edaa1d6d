import type { RegistrationMethod, RegistrationStatus, WorkshopStatus } from "../../db/schema";

/** Arrival order: who asked first. Ties in the clock are broken by insertion order. */
export interface Arrival {
  id: number;
  created_at: string;
}

export function byArrival(a: Arrival, b: Arrival): number {
  return a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : a.id - b.id;
}

/** Seats still free; a workshop without a capacity never fills. */
export function freeSeats(capacity: number | null, registered: number): number {
  return capacity == null ? Number.POSITIVE_INFINITY : Math.max(0, capacity - registered);
}

/**
 * Where a new registration goes. Walk-ins are already in the room, so they get a
 * seat even when the advance places are taken; everyone else waits in line.
 */
export function placeFor(
  capacity: number | null,
  registered: number,
  method: RegistrationMethod,
): Extract<RegistrationStatus, "registered" | "waitlisted"> {
  if (method === "walk_in") return "registered";
  return freeSeats(capacity, registered) > 0 ? "registered" : "waitlisted";
}

/** The waitlisted people who get the seats that are free now, first come first served. */
export function toPromote<T extends Arrival>(waitlist: readonly T[], capacity: number | null, registered: number): T[] {
  const seats = freeSeats(capacity, registered);
  return [...waitlist].sort(byArrival).slice(0, seats);
}

/** 1-based place in the waitlist, or null for someone not on it. */
export function waitlistPosition(waitlist: readonly Arrival[], id: number): number | null {
  const index = [...waitlist].sort(byArrival).findIndex((entry) => entry.id === id);
  return index === -1 ? null : index + 1;
}

export type RegistrationRefusal = "notPublished" | "cancelled" | "past" | "notOpenYet" | "closed";

export interface RegistrationWindow {
  status: WorkshopStatus;
  registration_opens_at: string | null;
  registration_closes_at: string | null;
}

/**
 * Why a registration cannot be taken now, or null. Staff (on someone's behalf or a
 * walk-in) may register outside the window and on the day, but never for a cancelled workshop.
 */
export function registrationRefusal(
  workshop: RegistrationWindow,
  sessions: ReadonlyArray<{ ends_at: string }>,
  method: RegistrationMethod,
  now: string,
): RegistrationRefusal | null {
  if (workshop.status === "cancelled") return "cancelled";
  if (method !== "self") return null;
  if (workshop.status !== "published") return "notPublished";
  if (sessions.length === 0 || sessions.every((s) => s.ends_at <= now)) return "past";
  if (workshop.registration_opens_at && now < workshop.registration_opens_at) return "notOpenYet";
  if (workshop.registration_closes_at && now >= workshop.registration_closes_at) return "closed";
  return null;
}
