import type { Db } from "./client.js";

/** The rows behind the needs figures (見える化) of some areas and a period: aggregates are made by the report. */
export async function needsSource(db: Db, areaIds: number[], from: Date, to: Date) {
  const inRange = { gte: from, lte: to };
  const [categories, areas, inquiries, waiting, help, resources] = await Promise.all([
    db.category.findMany({ orderBy: { sortOrder: "asc" } }),
    db.area.findMany({ where: { id: { in: areaIds } }, orderBy: { sortOrder: "asc" } }),
    db.inquiryLog.findMany({ where: { createdAt: inRange, areaId: { in: areaIds } }, select: { categoryKey: true, areaId: true, resultsCount: true, slots: true, intent: true } }),
    // Waiting at the end of the period for a 見つかったら知らせて notice.
    db.notifyRequest.findMany({
      where: { areaId: { in: areaIds }, createdAt: { lte: to }, expiresAt: { gt: to }, OR: [{ notifiedAt: null }, { notifiedAt: { gt: to } }] },
      select: { categoryKey: true },
    }),
    db.helpRequest.findMany({ where: { createdAt: inRange, areaId: { in: areaIds } }, select: { status: true, categoryKey: true } }),
    db.resource.groupBy({ by: ["categoryKey", "areaId"], where: { status: "active", areaId: { in: areaIds } }, _count: { _all: true } }),
  ]);
  return { categories, areas, inquiries, waiting, help, resources };
}
