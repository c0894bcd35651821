import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { needsCsv, needsMarkdown } from "../../src/reports/format.js";
import { needsReport } from "../../src/reports/needs.js";
import { needsChartPng } from "../../src/reports/chart.js";
import { becomeSc } from "../support/actors.js";
import { useApp } from "../support/lifecycle.js";
import type { TestApp } from "../support/test-app.js";
import { events } from "../support/webhooks.js";

const SC = "U1414141414141414141414141414aaaa";

describe("the needs report (見える化)", () => {
  let t: TestApp;
  useApp({ now: "2026-10-31T03:00:00Z" }, (x) => (t = x));

  async function seedLog() {
    const hasune = await t.db.area.findUniqueOrThrow({ where: { name: "蓮根" } });
    const funado = await t.db.area.findUniqueOrThrow({ where: { name: "舟渡" } });
    const user = await t.db.user.create({ data: { lineUserId: "U" + "5".repeat(32), homeAreaId: hasune.id } });
    const row = (areaId: number, categoryKey: string, resultsCount: number, day: number, slots = {}) => ({
      userId: user.id, text: "山田です。電話は090-0000-0000", intent: "find_place", slots: JSON.stringify(slots), areaId, categoryKey, resultsCount,
      createdAt: new Date(Date.UTC(2026, 9, day, 3)),
    });
    await t.db.inquiryLog.createMany({
      data: [
        row(hasune.id, "salon", 2, 3),
        row(hasune.id, "salon", 0, 5, { weekdays: [0], timeOfDay: "evening" }),
        row(hasune.id, "exercise", 1, 7),
        row(hasune.id, "meal_delivery", 0, 9, { weekdays: [0, 6] }),
        row(funado.id, "salon", 0, 11),
        row(hasune.id, "salon", 3, 20),
        { ...row(hasune.id, "salon", 3, 1), createdAt: new Date(Date.UTC(2026, 8, 15)) }, // September: outside the period
      ],
    });
    await t.db.helpRequest.createMany({ data: [
        { areaId: hasune.id, categoryKey: "housework", status: "received", createdAt: new Date("2026-10-10T01:00:00Z") },
        { areaId: hasune.id, categoryKey: "watch", status: "done", createdAt: new Date("2026-10-12T01:00:00Z") },
      ],
    });
    return { hasune, funado };
  }

  it("counts inquiries, unmet searches, help requests and supply against demand exactly as logged", async () => {
    const { hasune, funado } = await seedLog();
    const r = await needsReport(t.db, { areaIds: [hasune.id, funado.id], from: new Date("2026-10-01T00:00:00+09:00"), to: new Date("2026-10-31T23:59:59+09:00") });
    expect(r.inquiries).toBe(6);
    expect(r.byCategory.map((c) => [c.key, c.count])).toEqual([["salon", 4], ["exercise", 1], ["meal_delivery", 1]]);
    expect(r.byArea.map((c) => [c.label, c.count])).toEqual([["蓮根", 5], ["舟渡", 1]]);
    expect(r.unmet.total).toBe(3);
    expect(r.unmet.byCategory.map((c) => [c.key, c.count])).toEqual([["salon", 2], ["meal_delivery", 1]]);
    expect(r.unmet.byWeekday.map((c) => [c.label, c.count])).toEqual([["日曜日", 2], ["土曜日", 1]]);
    expect(r.unmet.byTimeOfDay.map((c) => [c.label, c.count])).toEqual([["夕方以降", 1]]);
    expect(r.help.byStatus.map((c) => [c.label, c.count]).sort()).toEqual([["受付", 1], ["完了", 1]].sort());
    const salon = r.supplyDemand.find((x) => x.key === "salon")!;
    const salonsThere = await t.db.resource.count({ where: { categoryKey: "salon", areaId: { in: [hasune.id, funado.id] }, status: "active" } });
    expect(salon).toMatchObject({ inquiries: 4, resources: salonsThere });

    const md = needsMarkdown(r, "Asia/Tokyo", "chart.png");
    const csv = needsCsv(r);
    for (const out of [md, csv, JSON.stringify(r)]) {
      expect(out).not.toContain("山田");
      expect(out).not.toContain("090-0000-0000");
      expect(out).not.toMatch(/U5{32}/);
    }
    expect(csv).toContain("需要と供給,蓮根,サロン・通いの場,salon,3,1,");
    const png = await needsChartPng(r);
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "png-")), "c.png");
    fs.writeFileSync(file, png);
    expect(fs.statSync(file).size).toBeGreaterThan(500);
  });

  it("shows an SC a short Flex summary for their own areas; a resident gets the resident answer", async () => {
    await seedLog();
    await becomeSc(t, SC, ["蓮根"]);
    await t.send(events.text(SC, "ニーズの集計を見たい"));
    const card = t.messagesTo(SC).find((m: any) => m.type === "flex");
    expect(card.altText).toMatch(/問い合わせ\d+件/);
    expect(JSON.stringify(card)).toContain("蓮根");
    expect(JSON.stringify(card)).not.toContain("舟渡");
    const RES = "U" + "6".repeat(32);
    await t.send(events.text(RES, "ニーズの集計を見たい"));
    expect(t.messagesTo(RES).some((m: any) => m.type === "flex")).toBe(false);
  });
});
