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
