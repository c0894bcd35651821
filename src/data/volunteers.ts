import type { User, Volunteer } from "../generated/prisma/client.js";
import type { Db } from "./client.js";

/** Volunteers (担い手): their registration, areas, availability, withdrawal. */

export interface VolunteerRecord {
  displayName: string;
  phone: string | null;
  /** JSON arrays. */
  skills: string;
  availability: string;
  areaIds: number[];
}

export function volunteerOf(db: Db, userId: number) {
  return db.volunteer.findUnique({ where: { userId }, include: { areas: { include: { area: true } } } });
}

/** Registers or updates, with the person's roles and consent, in one transaction. */
export async function upsertVolunteer(db: Db, user: Pick<User, "id" | "consentAt">, r: VolunteerRecord, roles: string, now: Date): Promise<Volunteer> {
  const data = { displayName: r.displayName, phone: r.phone, skills: r.skills, availability: r.availability, status: "active", withdrawnAt: null };
  return db.$transaction(async (tx) => {
    const existing = await tx.volunteer.findUnique({ where: { userId: user.id } });
    const v = existing ? await tx.volunteer.update({ where: { id: existing.id }, data }) : await tx.volunteer.create({ data: { ...data, userId: user.id, consentAt: now } });
    await tx.volunteerArea.deleteMany({ where: { volunteerId: v.id } });
    for (const areaId of r.areaIds) await tx.volunteerArea.create({ data: { volunteerId: v.id, areaId } });
    await tx.user.update({ where: { id: user.id }, data: { roles, consentAt: user.consentAt ?? now } });
    return v;
  });
}

export async function setPause(db: Db, volunteerId: number, from: Date | null, until: Date | null): Promise<void> {
  await db.volunteer.update({ where: { id: volunteerId }, data: { pausedFrom: from, pausedUntil: until } });
}

/** New weekly times (JSON); a pause ends with them. */
export async function setAvailability(db: Db, volunteerId: number, availability: string): Promise<void> {
  await db.volunteer.update({ where: { id: volunteerId }, data: { availability, pausedFrom: null, pausedUntil: null } });
}

/**
 * Withdrawal keeps only an anonymous row (for counts): no name, phone, skills,
 * times, areas, and no link to the LINE user; delivered messages that named
 * them (`mentions`) or were theirs go at once. One transaction.
 */
export async function anonymiseVolunteer(db: Db, user: Pick<User, "id" | "lineUserId">, roles: string, mentions: string[], now: Date): Promise<void> {
  const v = await db.volunteer.findUnique({ where: { userId: user.id } });
  await db.$transaction(async (tx) => {
    if (v) {
      await tx.volunteerArea.deleteMany({ where: { volunteerId: v.id } });
      await tx.volunteer.update({
        where: { id: v.id },
        data: { userId: null, displayName: null, phone: null, skills: "[]", availability: "[]", pausedFrom: null, pausedUntil: null, status: "withdrawn", withdrawnAt: now },
      });
      const all = [...mentions, ...(v.displayName && v.displayName.length >= 2 ? [v.displayName] : []), ...(v.phone ? [v.phone] : [])];
      await tx.outboundMessage.deleteMany({ where: { status: { not: "pending" }, OR: [{ target: user.lineUserId }, ...all.map((m) => ({ payload: { contains: m } }))] } });
    }
    await tx.user.update({ where: { id: user.id }, data: { roles } });
  });
}

/** Active volunteers covering any of these areas, with their areas and the offers they accepted since `since`. */
export function activeVolunteersIn(db: Db, areaIds: number[], since: Date) {
  return db.volunteer.findMany({
    where: { status: "active", userId: { not: null }, areas: { some: { areaId: { in: areaIds } } } },
    include: { areas: true, offers: { where: { status: "accepted", respondedAt: { gte: since } } } },
  });
}
