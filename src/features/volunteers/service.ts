import type { Db } from "../../data/client.js";
import { activeVolunteersIn, anonymiseVolunteer, setAvailability as storeAvailability, setPause, upsertVolunteer, volunteerOf } from "../../data/volunteers.js";
import type { User, Volunteer } from "../../generated/prisma/client.js";
import type { TimeOfDay } from "../../nlu/types.js";
import { singleDay, weekdayOf, zonedInstant } from "../../schedule/time.js";
import { withRole } from "../../users/service.js";
import { parseJsonArray, SKILLS_FOR_CATEGORY, type Slot } from "./model.js";

export interface VolunteerDraft {
  displayName: string;
  areaIds: number[];
  skills: string[];
  availability: Slot[];
  phone: string | null;
}

export { setPause, volunteerOf };

export async function saveVolunteer(db: Db, user: User, d: VolunteerDraft, now: Date): Promise<Volunteer> {
  return upsertVolunteer(
    db,
    user,
    { displayName: d.displayName, phone: d.phone, skills: JSON.stringify(d.skills), availability: JSON.stringify(d.availability), areaIds: d.areaIds },
    withRole(user, "volunteer", true),
    now,
  );
}

export async function setAvailability(db: Db, volunteerId: number, slots: Slot[]): Promise<void> {
  await storeAvailability(db, volunteerId, JSON.stringify(slots));
}

/**
 * Withdrawal keeps only an anonymous row (for counts): no name, phone,
 * skills, times, areas, and no link to the LINE user.
 */
export async function withdrawVolunteer(db: Db, user: User, now: Date): Promise<void> {
  await anonymiseVolunteer(db, user, withRole(user, "volunteer", false), [user.lineUserId], now);
}

export function isPaused(v: Pick<Volunteer, "pausedFrom" | "pausedUntil">, at: Date): boolean {
  if (!v.pausedFrom) return false;
  return v.pausedFrom.getTime() <= at.getTime() && (v.pausedUntil === null || at.getTime() <= v.pausedUntil.getTime());
}

export interface Candidate {
  volunteerId: number;
  userId: number;
  displayName: string;
  skills: string[];
  availability: Slot[];
  score: number;
  reasons: string[];
}

/**
 * Ranks a request's candidates: covers the area, can do the task, is free at
 * the asked time, and has not been asked much lately. Paused volunteers are
 * left out for the dates they paused.
 */
export async function rankCandidates(
  db: Db,
  req: { areaId: number | null; categoryKey: string | null; weekdays?: number[]; timeOfDay?: TimeOfDay; date?: string; dateTo?: string },
  scopeAreaIds: number[],
  at: Date,
  timeZone: string,
): Promise<Candidate[]> {
  const vols = await activeVolunteersIn(db, scopeAreaIds, new Date(at.getTime() - 30 * 86400_000));
  const wanted = SKILLS_FOR_CATEGORY[req.categoryKey ?? ""] ?? [];
  // One day asked for (明日, 来週の火曜日) is compared by its weekday with the days volunteers are free.
  const day = singleDay(req.date, req.dateTo, req.weekdays);
  const weekdays = req.weekdays?.length ? req.weekdays : day ? [weekdayOf(day)] : [];
  // Nor is someone who has paused over that day asked (来週はお休みします, help wanted 来週の火曜日).
  const dayAt = day ? zonedInstant(day, 12, 0, timeZone) : null;
  const out: Candidate[] = [];
  for (const v of vols) {
    if (isPaused(v, at) || (dayAt && isPaused(v, dayAt))) continue;
    const skills = parseJsonArray<string>(v.skills);
    const slots = parseJsonArray<Slot>(v.availability);
    let score = 0;
    const reasons: string[] = [];
    if (req.areaId !== null && v.areas.some((a) => a.areaId === req.areaId)) {
      score += 3;
      reasons.push("地域");
    }
    if (wanted.some((s) => skills.includes(s))) {
      score += 2;
      reasons.push("できること");
    }
    const timeOk = slots.some(
      (s) => (!weekdays.length || weekdays.some((d) => s.weekdays.includes(d))) && (!req.timeOfDay || !s.timeOfDay || s.timeOfDay === req.timeOfDay),
    );
    if (timeOk && slots.length) {
      score += 2;
      reasons.push("日時");
    }
    score -= 0.5 * v.offers.length;
    out.push({ volunteerId: v.id, userId: v.userId!, displayName: v.displayName ?? "（名前なし）", skills, availability: slots, score, reasons });
  }
  return out.sort((a, b) => b.score - a.score || a.volunteerId - b.volunteerId);
}
