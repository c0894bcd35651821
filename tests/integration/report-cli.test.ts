import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatReport } from "../../src/import/report.js";
import { useApp } from "../support/lifecycle.js";
import type { TestApp } from "../support/test-app.js";

const run = (t: TestApp, args: string[]) =>
  execFileSync(process.execPath, ["--import", "tsx", "src/cli/report.ts", ...args], {
    env: { ...process.env, DATABASE_URL: t.databaseUrl, NODE_ENV: "test" },
    encoding: "utf8",
  });

describe("the needs handout from the command line", () => {
  let t: TestApp;
  useApp({ now: "2026-11-15T03:00:00Z" }, (x) => (t = x));

  it("writes the handout and a Japanese chart into --out DIR, stating exactly the period asked for", async () => {
    const hasune = await t.db.area.findUniqueOrThrow({ where: { name: "蓮根" } });
    await t.db.inquiryLog.create({ data: { text: "", intent: "find_place", slots: "{}", areaId: hasune.id, categoryKey: "salon", resultsCount: 0, createdAt: new Date("2026-11-30T20:00:00Z") } });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "report-"));
    const rootBefore = fs.readdirSync(".").sort();
    run(t, ["needs", "--area", "蓮根", "--from", "2026-11-30", "--to", "2026-12-06", "--out", dir]);
    const files = fs.readdirSync(dir).sort();
    expect(files).toEqual(["needs-蓮根-2026-11-30_2026-12-06-chart.png", "needs-蓮根-2026-11-30_2026-12-06.md"]);
    const md = fs.readFileSync(path.join(dir, files[1]), "utf8");
    expect(md).toContain("期間：2026年11月30日(月)〜12月6日(日)");
    // 05:00 on 1 December in Tokyo is inside the period: counted.
    expect(md).toMatch(/問い合わせ：1件/);
    const png = fs.readFileSync(path.join(dir, files[0]));
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect(png.length).toBeGreaterThan(10_000);
    // Nothing lands in the project root.
    expect(fs.readdirSync(".").sort()).toEqual(rootBefore);
    fs.mkdirSync("tests/artifacts", { recursive: true });
    fs.copyFileSync(path.join(dir, files[0]), "tests/artifacts/needs-chart.png");
  }, 60_000);
});

describe("the import report", () => {
  const report = { file: "a.csv", format: "template", encoding: "utf-8", rows: 3, unknownColumns: [], issues: [{ level: "error", line: 2, column: "名称", message: "空です" }], placements: {}, created: 2, updated: 0, unchanged: 0, skipped: 1, written: false } as never;

  it("with --skip-invalid never advises using --skip-invalid", () => {
    expect(formatReport(report, true, true)).not.toContain("--skip-invalid");
    expect(formatReport(report, true, true)).toContain("エラーの行を除いて取り込むと: 新規 2件");
    expect(formatReport(report, false, true)).not.toContain("--skip-invalid");
  });

  it("without it, explains that nothing was written and how to skip the invalid rows", () => {
    expect(formatReport(report, false, false)).toContain("--skip-invalid");
  });
});
