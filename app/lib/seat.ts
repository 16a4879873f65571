/**
 * A student's seat in a session, remembered by the browser (localStorage, per join code): the
 * rejoin token that puts them back as the same participant after a refresh or a dropped
 * connection. The server rotates the token on every rejoin, so the newest one is always saved.
 */
export interface Seat {
  code: string;
  rejoinToken: string;
  participantId: string;
  displayName: string;
}

const key = (code: string) => `rc:seat:${code.toUpperCase()}`;

export function loadSeat(code: string): Seat | null {
  try {
    const raw = window.localStorage.getItem(key(code));
    if (!raw) return null;
    const seat = JSON.parse(raw) as Partial<Seat>;
    return typeof seat.rejoinToken === "string" && typeof seat.participantId === "string" && typeof seat.displayName === "string"
      ? { code: code.toUpperCase(), rejoinToken: seat.rejoinToken, participantId: seat.participantId, displayName: seat.displayName }
      : null;
  } catch {
    return null;
  }
}

export function saveSeat(seat: Seat): void {
  window.localStorage.setItem(key(seat.code), JSON.stringify(seat));
}

export function forgetSeat(code: string): void {
  window.localStorage.removeItem(key(code));
}

/** Every seat this browser remembers (the keep page lists them). */
export function listSeats(): Seat[] {
  const seats: Seat[] = [];
  for (let i = 0; i < window.localStorage.length; i++) {
    const name = window.localStorage.key(i);
    const seat = name?.startsWith("rc:seat:") ? loadSeat(name.slice("rc:seat:".length)) : null;
    if (seat) seats.push(seat);
  }
  return seats;
}
