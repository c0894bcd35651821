import path from "node:path";
import { describe, expect, it } from "vitest";
import { seriousA11yViolations, useChromium } from "../support/browser.js";
import { useApp } from "../support/lifecycle.js";
import type { TestApp } from "../support/test-app.js";

const ARTIFACTS = path.resolve(import.meta.dirname, "../artifacts");
describe("the public pages in a browser", () => {
  let t: TestApp;
  useApp({ now: "2026-12-01T01:00:00Z" }, (x) => (t = x));
  const chromium = useChromium(ARTIFACTS);

  it("a family member chooses 蓮根 and 体操・運動 on the search page and finds the class with its next date and phone number written out", async () => {
    const page = await chromium().newPage({ viewport: { width: 1100, height: 900 } });
    await page.goto(`${t.url}/`);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.selectOption("#area", "蓮根");
    await page.selectOption("#category", "exercise");
    await page.click("button[type=submit]");
    await page.waitForSelector("article.result");
    const main = await page.locator("main").innerText();
    expect(main).toContain("蓮根の体操・運動");
    expect(main).toContain("蓮根ころばん体操の会");
    expect(main).toMatch(/12月2日\(水\) 10:00〜11:00/);
    expect(main).toMatch(/03-\d{4}-\d{4}/);
    expect(main).toContain("相談窓口");
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, "web-results.png"), fullPage: true });

    await page.click("article.result h2 a");
    await page.waitForSelector("h1");
    const detail = await page.locator("main").innerText();
    expect(detail).toContain("次の予定");
    expect((await page.locator("ol.dates li").count())).toBe(5);
    expect(detail).toContain("地図を見る");
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, "web-resource.png"), fullPage: true });
  }, 60_000);

  it("works with the keyboard alone: free words typed in kana (はすねのさろん) and Enter", async () => {
    const page = await chromium().newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${t.url}/`);
    await page.keyboard.press("Tab"); // skip link
    await page.keyboard.press("Tab"); // the header link
    await page.keyboard.press("Tab"); // the words box
    expect(await page.evaluate("document.activeElement.id")).toBe("q");
    await page.keyboard.type("はすねのさろん");
    await page.keyboard.press("Enter");
    await page.waitForSelector("article.result");
    expect(await page.locator("h1").innerText()).toMatch(/蓮根のサロン・通いの場（\d+件）/);
    expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(390);
    await page.screenshot({ path: path.join(ARTIFACTS, "web-phone.png"), fullPage: true });
  }, 60_000);

  it("現在地から: with the location allowed, the nearest places come first, with their distance", async () => {
    const context = await chromium().newContext({ geolocation: { latitude: 35.7837, longitude: 139.6787 }, permissions: ["geolocation"] });
    const page = await context.newPage();
    await page.goto(`${t.url}/`);
    await page.selectOption("#category", "salon");
    await page.click("#near");
    await page.waitForURL(/lat=35\.7837/);
    await page.waitForSelector("article.result");
    const main = await page.locator("main").innerText();
    expect(main).toContain("近い順");
    expect(main).toMatch(/約\d+m/);
    expect(main).toContain("蓮根");
  }, 60_000);

  it("an SC-only resource (a salon in a private home) cannot be reached by its id, and is not listed", async () => {
    const hidden = await t.db.resource.findFirstOrThrow({ where: { visibility: "sc_only", status: "active" }, include: { area: true } });
    const page = await chromium().newPage();
    const r = await page.goto(`${t.url}/resources/${hidden.id}`);
    expect(r?.status()).toBe(404);
    expect(await page.locator("main").innerText()).not.toContain(hidden.name);
    await page.goto(`${t.url}/search?area=${encodeURIComponent(hidden.area!.name)}&category=${hidden.categoryKey}`);
    expect(await page.locator("main").innerText()).not.toContain(hidden.name);
  }, 60_000);

  it("pages are small and cached: under 100 KB, with a validator a browser can reuse", async () => {
    const r = await fetch(`${t.url}/search?area=${encodeURIComponent("高島平")}`);
    const body = await r.text();
    expect(Buffer.byteLength(body)).toBeLessThan(100_000);
    expect(r.headers.get("cache-control")).toContain("max-age");
    const again = await fetch(`${t.url}/search?area=${encodeURIComponent("高島平")}`, { headers: { "if-none-match": r.headers.get("etag")! } });
    expect(again.status).toBe(304);
  });
});
