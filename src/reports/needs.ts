import type { Db } from "../data/client.js";
import { needsSource } from "../data/needs.js";
import type { Slots } from "../nlu/types.js";

/**
 * The needs report (見える化): aggregates only. No user ids, names or free
 * texts leave the database through it.
 */
export interface NeedsQuery {
  areaIds: number[];
  from: Date;
  to: Date;
}

export interface Count {
  key: string;
  label: string;
  count: number;
}

export interface NeedsReport {
  period: { from: Date; to: Date };
  areas: string[];
  inquiries: number;
  /** Messages answered with the emergency or despair guidance (counts only). */
  urgent: number;
  byCategory: Count[];
  byArea: Count[];
  unmet: { total: number; byCategory: Count[]; byArea: Count[]; byWeekday: Count[]; byTimeOfDay: Count[] };
  help: { total: number; byStatus: Count[]; byCategory: Count[] };
  /** Residents waiting for "見つかったら知らせてほしい" (open at the end of the period), by category: demand not yet met. */
  waiting: { total: number; byCategory: Count[] };
  supplyDemand: { key: string; label: string; resources: number; inquiries: number }[];
  supplyDemandByArea: { area: string; key: string; label: string; resources: number; inquiries: number; unmet: number }[];
}

/** Emergencies and despair are counted apart: they are neither searches nor unmet needs. */
const URGENT_INTENTS = new Set(["emergency", "despair"]);
const WEEKDAYS = ["日", "月", "火", "水", "木", "金", "土"];
const TOD: Record<string, string> = { morning: "午前", afternoon: "午後", evening: "夕方以降" };
const STATUS: Record<string, string> = { received: "受付", coordinating: "調整中", arranged: "手配済", done: "完了", declined: "見送り" };

function tally(keys: string[], label: (k: string) => string): Count[] {
  const m = new Map<string, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return [...m.entries()].map(([key, count]) => ({ key, label: label(key), count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

export async function needsReport(db: Db, q: NeedsQuery): Promise<NeedsReport> {
  const { categories, areas, inquiries: all, waiting: waitingRows, help, resources } = await needsSource(db, q.areaIds, q.from, q.to);
  const catLabel = (k: string) => categories.find((c) => c.key === k)?.label ?? (k === "none" ? "（分類なし）" : k);
  const areaName = new Map(areas.map((a) => [a.id, a.name]));
  const urgent = all.filter((l) => URGENT_INTENTS.has(l.intent)).length;
  const logs = all.filter((l) => !URGENT_INTENTS.has(l.intent));
  const unmetRows = logs.filter((l) => l.resultsCount === 0);
  const slotsOf = (json: string): Slots => {
    try {
      return JSON.parse(json) as Slots;
    } catch {
      return {};
    }
  };
  const unmetWeekdays = unmetRows.flatMap((l) => (slotsOf(l.slots).weekdays ?? []).map(String));
  const unmetTod = unmetRows.map((l) => slotsOf(l.slots).timeOfDay).filter((x): x is NonNullable<Slots["timeOfDay"]> => !!x);

  const supplyDemand = categories.map((c) => ({
    key: c.key,
    label: c.label,
    resources: resources.filter((r) => r.categoryKey === c.key).reduce((n, r) => n + r._count._all, 0),
    inquiries: logs.filter((l) => l.categoryKey === c.key).length,
  }));
  const supplyDemandByArea = areas.flatMap((a) =>
    categories.map((c) => ({
      area: a.name,
      key: c.key,
      label: c.label,
      resources: resources.find((r) => r.categoryKey === c.key && r.areaId === a.id)?._count._all ?? 0,
      inquiries: logs.filter((l) => l.categoryKey === c.key && l.areaId === a.id).length,
      unmet: unmetRows.filter((l) => l.categoryKey === c.key && l.areaId === a.id).length,
    })),
  );
  return {
    period: { from: q.from, to: q.to },
    areas: areas.map((a) => a.name),
    inquiries: logs.length,
    urgent,
    byCategory: tally(logs.map((l) => l.categoryKey ?? "none"), catLabel),
    byArea: tally(logs.map((l) => areaName.get(l.areaId!) ?? "?"), (k) => k),
    unmet: {
      total: unmetRows.length,
      byCategory: tally(unmetRows.map((l) => l.categoryKey ?? "none"), catLabel),
      byArea: tally(unmetRows.map((l) => areaName.get(l.areaId!) ?? "?"), (k) => k),
      byWeekday: tally(unmetWeekdays, (k) => `${WEEKDAYS[Number(k)]}曜日`),
      byTimeOfDay: tally(unmetTod, (k) => TOD[k] ?? k),
    },
    help: {
      total: help.length,
      byStatus: tally(help.map((h) => h.status), (k) => STATUS[k] ?? k),
      byCategory: tally(help.map((h) => h.categoryKey ?? "none"), catLabel),
    },
    waiting: { total: waitingRows.length, byCategory: tally(waitingRows.map((w) => w.categoryKey), catLabel) },
    supplyDemand,
    supplyDemandByArea,
  };
}
