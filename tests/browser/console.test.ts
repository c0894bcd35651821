import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { createLoginLink } from "../../src/console/auth.js";
import { becomeSc, lastQuick, registerVolunteer } from "../support/actors.js";
import { seriousA11yViolations, useChromium } from "../support/browser.js";
import { useApp } from "../support/lifecycle.js";
import type { TestApp } from "../support/test-app.js";
import { events } from "../support/webhooks.js";

// The README shows these: kept in the repository, refreshed by every run.
const ARTIFACTS = path.resolve(import.meta.dirname, "../screenshots");
const SC = "U8080808080808080808080808080aaaa";
const SC2 = "U8181818181818181818181818181bbbb";
const RES = "U8282828282828282828282828282cccc";
const VOL = "U8383838383838383838383838383dddd";

describe("the staff console in a browser", () => {
  let t: TestApp;
  useApp({ now: "2026-12-01T01:00:00Z" }, (x) => (t = x));
  const chromium = useChromium(ARTIFACTS);

  /** Signs in the way an SC does: 管理画面 in LINE, then the link. */
  async function signIn(user: string, areas: string[] | "layer1"): Promise<Page> {
    await becomeSc(t, user, areas);
    await t.send(events.text(user, "管理画面"));
    const link = /https?:\/\/\S+\/admin\/login\?t=\S+/.exec(t.textsTo(user).at(-1)!)![0].replace(/^https?:\/\/[^/]+/, t.url);
    const page = await (await chromium().newContext()).newPage();
    await page.goto(link);
    return page;
  }

  it("an SC signs in with the link from 管理画面; the link works once; the cookie is httpOnly and SameSite=Strict", async () => {
    await becomeSc(t, SC, ["蓮根"]);
    await t.send(events.text(SC, "管理画面"));
    const link = /https?:\/\/\S+/.exec(t.textsTo(SC).at(-1)!)![0].replace(/^https?:\/\/[^/]+/, t.url);
    const ctx = await chromium().newContext();
    const page = await ctx.newPage();
    await page.goto(link);
    expect(await page.locator("h1").innerText()).toBe("活動・サービス");
    const cookie = (await ctx.cookies()).find((c) => c.name === "sasaeai_console")!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe("Strict");
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, "console-resources.png"), fullPage: true });
    const again = await (await chromium().newContext()).newPage();
    const r = await again.goto(link);
    expect(r?.status()).toBe(403);
    expect(await again.locator("main").innerText()).toContain("すでに使われています");
  }, 60_000);

  it("an expired link is refused, and a resident cannot get one", async () => {
    await becomeSc(t, SC, ["蓮根"]);
    const user = await t.db.user.findUniqueOrThrow({ where: { lineUserId: SC } });
    const link = (await createLoginLink(t.db, user, t.url, new Date(t.clock.now().getTime() - 11 * 60_000))).replace(/^https?:\/\/[^/]+/, t.url);
    const page = await chromium().newPage();
    expect((await page.goto(link))?.status()).toBe(403);
    expect(await page.locator("main").innerText()).toContain("有効期限");
    await t.send(events.text(RES, "管理画面"));
    expect(t.textsTo(RES).join("\n")).not.toContain("/admin/login");
  }, 60_000);

  it("a resource edited in the console is found by a LINE search with its new next date", async () => {
    const page = await signIn(SC, ["蓮根"]);
    const salon = await t.db.resource.findFirstOrThrow({ where: { name: "いきいきサロン蓮根" } });
    await page.goto(`${t.url}/admin/resources/${salon.id}`);
    await page.fill("#scheduleText", "毎週金曜日 10:00~12:00");
    await page.click("button[value=preview]");
    await expect(page.locator("main").innerText()).resolves.toContain("12月4日(金) 10:00〜12:00");
    await page.click("button[value=save]");
    await expect(page.locator("main").innerText()).resolves.toContain("保存しました");
    await page.screenshot({ path: path.join(ARTIFACTS, "console-resource-edit.png"), fullPage: true });
    await t.send(events.text(RES, "はすねのさろん"));
    expect(t.textsTo(RES).join("\n")).toMatch(/いきいきサロン蓮根（12月4日\(金\) 10:00〜12:00）/);
    const saved = await t.db.resource.findUniqueOrThrow({ where: { id: salon.id } });
    expect(saved.lastVerifiedAt?.toISOString()).toBe(t.clock.now().toISOString());
    expect(await t.db.auditLog.count({ where: { action: "resource.update" } })).toBe(1);
  }, 60_000);

  it("a schedule that cannot be read gets a clear message in the preview", async () => {
    const page = await signIn(SC, ["蓮根"]);
    const salon = await t.db.resource.findFirstOrThrow({ where: { name: "いきいきサロン蓮根" } });
    await page.goto(`${t.url}/admin/resources/${salon.id}`);
    await page.fill("#scheduleText", "気が向いたとき");
    await page.click("button[value=preview]");
    expect(await page.locator("main").innerText()).toContain("日にちを計算できません");
  }, 60_000);

  it("a layer-2 SC of 成増 is refused a 蓮根 resource, and a form sent without its CSRF token changes nothing", async () => {
    const page = await signIn(SC2, ["成増"]);
    const salon = await t.db.resource.findFirstOrThrow({ where: { name: "いきいきサロン蓮根" } });
    expect((await page.goto(`${t.url}/admin/resources/${salon.id}`))?.status()).toBe(403);
    const own = await t.db.resource.findFirstOrThrow({ where: { area: { name: "成増" } } });
    const status = await page.evaluate(async (id) => (await fetch(`/admin/resources/${id}`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "action=save&name=x" })).status, own.id);
    expect(status).toBe(403);
    expect((await t.db.resource.findUniqueOrThrow({ where: { id: own.id } })).name).toBe(own.name);
  }, 60_000);

  it("needs: figures with the chart and a CSV; announcements: count, preview and send; meetings; help board and asking a volunteer; volunteers; audit", async () => {
    await t.send(events.text(RES, "蓮根に住んでいます"));
    await t.send(events.text(RES, "電球を替えてほしい"));
    await t.send(events.postback(RES, lastQuick(t, RES, "コーディネーターに相談")));
    await t.send(events.postback(RES, lastQuick(t, RES, "はい、伝える")));
    // A volunteer of 蓮根 who can change bulbs, registered in LINE.
    await registerVolunteer(t, VOL, { name: "鈴木です", area: "蓮根", skills: "電球の交換ならできます" });
    const page = await signIn(SC, ["蓮根"]);

    await page.goto(`${t.url}/admin/needs`);
    expect(await page.locator("main").innerText()).toContain("需要と供給");
    expect(await page.locator("main img").evaluate((img: any) => img.naturalWidth)).toBeGreaterThan(500);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, "console-needs.png"), fullPage: true });
    const csv = await page.evaluate(async () => (await fetch("/admin/needs.csv")).text());
    expect(csv).toContain("需要と供給");

    await page.goto(`${t.url}/admin/announcements`);
    await page.selectOption("#role", "residents");
    await page.fill("#body", "年末年始の窓口のお知らせです。");
    await page.click("text=人数と見え方を確認する");
    expect(await page.locator("main").innerText()).toMatch(/1人に/);
    await page.screenshot({ path: path.join(ARTIFACTS, "console-announcement.png"), fullPage: true });
    await page.click("text=この内容で送る");
    await t.jobs.idle();
    await t.jobs.kick();
    expect(t.textsTo(RES).join("\n")).toContain("年末年始の窓口のお知らせです。");

    await page.goto(`${t.url}/admin/meetings`);
    await page.fill("#title", "第5回 蓮根地区協議体");
    await page.fill("#when", "12月17日 14時から16時");
    await page.fill("#venue", "蓮根地域センター");
    await page.click("button:has-text(\"登録する\")");
    expect(await page.locator("h1").innerText(), await page.locator("main").innerText()).toBe("第5回 蓮根地区協議体");
    await page.fill("#notes", "見守りの担い手について話し合う");
    await page.click("button:has-text(\"保存する\")");
    expect(await page.locator("main").innerText()).toContain("保存しました");

    await page.goto(`${t.url}/admin/help`);
    expect(await page.locator("main").innerText()).toContain("受付（1件）");
    await page.click("main table a");
    expect(await page.locator("h1").innerText()).toMatch(/相談 No\.\d+/);
    await page.fill("#summary", "台所の電球の交換、30分ほど");
    await page.click("button:has-text(\"この人に頼む\")");
    expect(await page.locator("main").innerText()).toContain("鈴木さんにお願いしました");
    expect(t.textsTo(VOL).at(-1)).toContain("台所の電球の交換、30分ほど");
    await page.screenshot({ path: path.join(ARTIFACTS, "console-help.png"), fullPage: true });

    await page.goto(`${t.url}/admin/volunteers`);
    expect(await page.locator("h1").innerText()).toBe("ボランティア");
    await page.goto(`${t.url}/admin/audit`);
    expect(await page.locator("main").innerText()).toContain("broadcast.create");
    expect(await page.locator("main").innerText()).not.toContain("年末年始の窓口");
  }, 90_000);

  it("a layer-1 SC uploads a spreadsheet: the dry-run report comes first and nothing is written until confirmed", async () => {
    const page = await signIn(SC, "layer1");
    const before = await t.db.resource.count();
    await page.goto(`${t.url}/admin/import`);
    await page.setInputFiles("#file", path.resolve(import.meta.dirname, "../fixtures/import/template-utf8-bom.csv"));
    await page.click("button:has-text(\"確認する\")");
    const report = await page.locator("main").innerText();
    expect(report).toContain("まだ何も書き込んでいません");
    expect(report).toMatch(/取り込むと: 新規 \d+件/);
    expect(await t.db.resource.count()).toBe(before);
    await page.click("button:has-text(\"この内容で取り込む\")");
    expect(await page.locator("main").innerText()).toMatch(/取り込みました: 新規 \d+件/);
    expect(await t.db.resource.count()).toBeGreaterThan(before);
  }, 60_000);

  it("sign-out everywhere ends every session of that person", async () => {
    const page = await signIn(SC, ["蓮根"]);
    await page.click("text=すべての端末からサインアウト");
    expect((await page.goto(`${t.url}/admin/resources`))?.status()).toBe(401);
  }, 60_000);
});
