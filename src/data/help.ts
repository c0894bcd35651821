import type { Db } from "./client.js";

/** Help requests and the offers made to volunteers for them. */

export const OPEN_REQUEST_STATUSES = ["received", "coordinating", "arranged"];

/** The latest open requests, of some areas or (areaIds null: layer 1) all. */
export function openHelpRequests(db: Db, areaIds: number[] | null, take = 10) {
  return db.helpRequest.findMany({
    where: { status: { in: OPEN_REQUEST_STATUSES }, ...(areaIds ? { areaId: { in: areaIds } } : {}) },
    orderBy: { createdAt: "desc" },
    take,
  });
}

export function setHelpRequestStatus(db: Db, id: number, status: string, reason: string | null) {
  return db.helpRequest.update({ where: { id }, data: { status, reason } });
}

export function setHelpRequestSummary(db: Db, id: number, scSummary: string) {
  return db.helpRequest.update({ where: { id }, data: { scSummary } });
}

export function helpOfferWithParties(db: Db, id: number) {
  return db.helpOffer.findUnique({ where: { id }, include: { volunteer: true, helpRequest: true } });
}

export function answerHelpOffer(db: Db, id: number, accepted: boolean, at: Date) {
  return db.helpOffer.update({ where: { id }, data: { status: accepted ? "accepted" : "declined", respondedAt: at } });
}

export function helpRequestById(db: Db, id: number) {
  return db.helpRequest.findUnique({ where: { id } });
}

/** The latest accepted offer of a request, with its volunteer. */
export function acceptedOfferOf(db: Db, helpRequestId: number) {
  return db.helpOffer.findFirst({ where: { helpRequestId, status: "accepted" }, include: { volunteer: true }, orderBy: { respondedAt: "desc" } });
}

export function volunteerWithUserAndAreas(db: Db, id: number) {
  return db.volunteer.findUnique({ where: { id }, include: { user: true, areas: true } });
}

export function offerOf(db: Db, helpRequestId: number, volunteerId: number) {
  return db.helpOffer.findUnique({ where: { helpRequestId_volunteerId: { helpRequestId, volunteerId } } });
}

/** Asks (or asks again) a volunteer to help with a request. */
export function askForHelp(db: Db, helpRequestId: number, volunteerId: number, askedBy: number) {
  return db.helpOffer.upsert({
    where: { helpRequestId_volunteerId: { helpRequestId, volunteerId } },
    create: { helpRequestId, volunteerId, askedBy },
    update: { status: "asked", respondedAt: null, askedBy },
  });
}

export interface HelpRequestRow {
  userId: number | null;
  areaId: number | null;
  categoryKey: string | null;
  description: string;
}

/** Stores a consented help request (status 受付). */
export function insertHelpRequest(db: Db, r: { userId: number; categoryKey: string | null; areaId: number | null; preferredTimes: string; description: string; consentAt: Date }) {
  return db.helpRequest.create({ data: { ...r, status: "received" } });
}
