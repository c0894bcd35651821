import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { launchChromium } from "../support/browser.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newTestDatabase } from "../support/database.js";
import { startBotProcess, type BotProcess } from "../support/bot-process.js";

const ARTIFACTS = path.resolve(import.meta.dirname, "../artifacts");

describe("the local chat simulator in a browser", () => {
  let bot: BotProcess;
  let browser: Browser;
  let databaseUrl: string;
  beforeAll(async () => {
    databaseUrl = await newTestDatabase();
    // Local mode: no credentials, the in-process capture, and the simulator mounted.
    bot = await startBotProcess({ databaseUrl, lineUrl: "https://api.line.me", env: { NODE_ENV: "development", LINE_CHANNEL_SECRET: "", LINE_CHANNEL_ACCESS_TOKEN: "" } });
    browser = await launchChromium();
    fs.mkdirSync(ARTIFACTS, { recursive: true });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    bot?.proc.kill("SIGTERM");
    await bot?.exited;
  });

  it("sends はすねのさろん and shows a carousel, taps a quick reply, sends a location", async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 1000 } });
    await page.goto(`http://127.0.0.1:${bot.port}/simulator`);
    await page.waitForFunction("window.simulatorReady === true");
    await page.fill("#text", "はすねのさろん");
    await page.press("#text", "Enter");
    await page.waitForSelector(".carousel .fbubble", { timeout: 15_000 });
    expect(await page.locator(".carousel .fbubble").count()).toBeGreaterThanOrEqual(1);
    expect(await page.locator("#log").innerText()).toContain("蓮根のサロン");
    await page.screenshot({ path: path.join(ARTIFACTS, "simulator-search.png") });

    await page.locator("#chips .chip", { hasText: "ほかの地域" }).click();
    await page.waitForFunction('document.querySelector("#log").textContent.includes("どちらの地域ですか")');
    await page.screenshot({ path: path.join(ARTIFACTS, "simulator-quick-reply.png") });

    await page.click("#loc");
    await page.locator("#areaButtons button", { hasText: "高島平" }).click();
    await page.waitForFunction('document.querySelector("#log").textContent.includes("徒歩約")', undefined, { timeout: 15_000 });
    await page.screenshot({ path: path.join(ARTIFACTS, "simulator-location.png") });
    expect(await page.locator("#raw").innerText()).toContain("/v2/bot/message/reply");
  }, 60_000);

  it("keeps a push to a persona who is not on screen and shows it when switching to them; an SC who claimed a code is labelled SC", async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 1000 } });
    await page.goto(`http://127.0.0.1:${bot.port}/simulator`);
    await page.waitForFunction("window.simulatorReady === true");
    // Two fresh personas: a coordinator-to-be in 蓮根, and a resident of 蓮根.
    const personas = [
      { userId: "U" + "a1".repeat(16), role: "resident", area: "蓮根" },
      { userId: "U" + "b2".repeat(16), role: "resident", area: "蓮根" },
    ];
    await page.evaluate(`localStorage.setItem("personas", ${JSON.stringify(JSON.stringify(personas))}); localStorage.removeItem("prepared");`);
    await page.reload();
    await page.waitForFunction("window.simulatorReady === true");
    const code = execFileSync(process.execPath, ["--import", "tsx", "src/cli/admin.ts", "invite", "sc", "--area", "蓮根"], {
      env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: "test" },
      encoding: "utf8",
    }).match(/[A-Z0-9]{6,}/)![0];
    await page.fill("#text", `SC登録 ${code}`);
    await page.press("#text", "Enter");
    await page.waitForFunction('document.querySelector("#persona option")?.textContent?.startsWith("SC")', undefined, { timeout: 15_000 });
    // The SC sends an urgent announcement to 蓮根's residents while the resident is not on screen.
    await page.fill("#text", "お知らせを送りたい");
    await page.press("#text", "Enter");
    await page.locator("#chips .chip", { hasText: "住民" }).first().click();
    await page.waitForFunction('document.querySelector("#log").textContent.includes("お知らせの文を送ってください")', undefined, { timeout: 15_000 });
    await page.fill("#text", "明日の体操は中止です。");
    await page.press("#text", "Enter");
    await page.locator("#chips .chip", { hasText: "付けない" }).first().click();
    await page.locator("#chips .chip", { hasText: "緊急で送信" }).first().click();
    await page.waitForFunction('/新着/.test(document.querySelectorAll("#persona option")[1]?.textContent ?? "")', undefined, { timeout: 15_000 });
    await page.selectOption("#persona", "1");
    await page.waitForFunction('document.querySelector("#log").textContent.includes("明日の体操は中止です")');
    await page.screenshot({ path: path.join(ARTIFACTS, "simulator-switch-persona.png") });
  }, 60_000);

  it("fits a phone-width screen: the talk room fills the width and nothing scrolls sideways", async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 740 } });
    await page.goto(`http://127.0.0.1:${bot.port}/simulator`);
    await page.waitForFunction("window.simulatorReady === true");
    const phone = await page.locator("#phone").boundingBox();
    expect(phone!.width).toBeGreaterThanOrEqual(370);
    expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(375);
    await page.screenshot({ path: path.join(ARTIFACTS, "simulator-phone.png") });
  }, 60_000);

  it("shows the same rich menu as LINE under the input box", async () => {
    const menu = (await (await fetch(`http://127.0.0.1:${bot.port}/simulator/richmenu.json`)).json()) as { areas: unknown[] };
    expect(menu.areas).toHaveLength(6);
    const png = Buffer.from(await (await fetch(`http://127.0.0.1:${bot.port}/simulator/richmenu.png`)).arrayBuffer());
    expect(png.readUInt32BE(16)).toBe(2500);
  });
});
