import type { Db } from "../../data/client.js";
import type { User, Volunteer } from "../../generated/prisma/client.js";
import type { TimeOfDay } from "../../nlu/types.js";
import { withRole } from "../../users/service.js";
import { parseJsonArray, SKILLS_FOR_CATEGORY, type Slot } from "./model.js";

export interface VolunteerDraft {
  displayName: string;
  areaIds: number[];
  skills: string[];
  availability: Slot[];
  phone: string | null;
}

export async function volunteerOf(db: Db, userId: number) {
  return db.volunteer.findUnique({ where: { userId }, include: { areas: { include: { area: true } } } });
}

export async function saveVolunteer(db: Db, user: User, d: VolunteerDraft, now: Date): Promise<Volunteer> {
  const data = {
    displayName: d.displayName,
    phone: d.phone,
    skills: JSON.stringify(d.skills),
    availability: JSON.stringify(d.availability),
    status: "active",
    withdrawnAt: null,
  };
  return db.$transaction(async (tx) => {
    const existing = await tx.volunteer.findUnique({ where: { userId: user.id } });
    const v = existing
      ? await tx.volunteer.update({ where: { id: existing.id }, data })
      : await tx.volunteer.create({ data: { ...data, userId: user.id, consentAt: now } });
    await tx.volunteerArea.deleteMany({ where: { volunteerId: v.id } });
    for (const areaId of d.areaIds) await tx.volunteerArea.create({ data: { volunteerId: v.id, areaId } });
    await tx.user.update({ where: { id: user.id }, data: { roles: withRole(user, "volunteer", true), consentAt: user.consentAt ?? now } });
    return v;
  });
}

export async function setPause(db: Db, volunteerId: number, from: Date | null, until: Date | null): Promise<void> {
  await db.volunteer.update({ where: { id: volunteerId }, data: { pausedFrom: from, pausedUntil: until } });
}

export async function setAvailability(db: Db, volunteerId: number, slots: Slot[]): Promise<void> {
  await db.volunteer.update({ where: { id: volunteerId }, data: { availability: JSON.stringify(slots), pausedFrom: null, pausedUntil: null } });
}

/**
 * Withdrawal keeps only an anonymous row (for counts): no name, phone,
 * skills, times, areas, and no link to the LINE user.
 */
export async function withdrawVolunteer(db: Db, user: User, now: Date): Promise<void> {
  const v = await db.volunteer.findUnique({ where: { userId: user.id } });
  await db.$transaction(async (tx) => {
    if (v) {
      await tx.volunteerArea.deleteMany({ where: { volunteerId: v.id } });
      await tx.volunteer.update({
        where: { id: v.id },
        data: { userId: null, displayName: null, phone: null, skills: "[]", availability: "[]", pausedFrom: null, pausedUntil: null, status: "withdrawn", withdrawnAt: now },
      });
      // Delivered messages that named them (to coordinators) or were theirs go at once.
      const mentions = [user.lineUserId, ...(v.displayName && v.displayName.length >= 2 ? [v.displayName] : []), ...(v.phone ? [v.phone] : [])];
      await tx.outboundMessage.deleteMany({ where: { status: { not: "pending" }, OR: [{ target: user.lineUserId }, ...mentions.map((m) => ({ payload: { contains: m } }))] } });
    }
    await tx.user.update({ where: { id: user.id }, data: { roles: withRole(user, "volunteer", false) } });
  });
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
  req: { areaId: number | null; categoryKey: string | null; weekdays?: number[]; timeOfDay?: TimeOfDay },
  scopeAreaIds: number[],
  at: Date,
): Promise<Candidate[]> {
  const vols = await db.volunteer.findMany({
    where: { status: "active", userId: { not: null }, areas: { some: { areaId: { in: scopeAreaIds } } } },
    include: { areas: true, offers: { where: { status: "accepted", respondedAt: { gte: new Date(at.getTime() - 30 * 86400_000) } } } },
  });
  const wanted = SKILLS_FOR_CATEGORY[req.categoryKey ?? ""] ?? [];
  const out: Candidate[] = [];
  for (const v of vols) {
    if (isPaused(v, at)) continue;
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
      (s) => (!req.weekdays?.length || req.weekdays.some((d) => s.weekdays.includes(d))) && (!req.timeOfDay || !s.timeOfDay || s.timeOfDay === req.timeOfDay),
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
