import { addDays, zonedInstant, zonedParts } from "../../schedule/time.js";

/** No pushes between 21:00 and 8:00 (Tokyo) unless urgent: those wait until 8:00. */
export const QUIET_FROM_HOUR = 21;
export const QUIET_UNTIL_HOUR = 8;

export function inQuietHours(at: Date, timeZone: string): boolean {
  const h = zonedParts(at, timeZone).hour;
  return h >= QUIET_FROM_HOUR || h < QUIET_UNTIL_HOUR;
}

/** The earliest moment at or after `at` when a non-urgent push may go out. */
export function nextAllowedSend(at: Date, timeZone: string, urgent: boolean): Date {
  if (urgent || !inQuietHours(at, timeZone)) return at;
  const p = zonedParts(at, timeZone);
  const day = p.hour >= QUIET_FROM_HOUR ? addDays(p, 1) : p;
  return zonedInstant(day, QUIET_UNTIL_HOUR, 0, timeZone);
}
