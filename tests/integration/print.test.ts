import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import jsQRModule from "jsqr";
import { describe, expect, it } from "vitest";
import { useApp } from "../support/lifecycle.js";
import { pageImages, pdfText } from "../support/pdf.js";
import type { TestApp } from "../support/test-app.js";

// jsqr is CommonJS with a default export in its types: take whichever form the loader gives.
type Decode = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
const jsQR = ((jsQRModule as unknown as { default?: Decode }).default ?? jsQRModule) as unknown as Decode;

const get = async (t: TestApp, p: string) => {
  const r = await fetch(t.url + p);
  return { status: r.status, type: r.headers.get("content-type"), body: Buffer.from(await r.arrayBuffer()) };
};

describe("printed sheets for residents without LINE", () => {
  let t: TestApp;
  // Tuesday 1 December 2026, 10:00 in Tokyo.
  useApp({ now: "2026-12-01T01:00:00Z" }, (x) => (t = x));

  it("the handout for 蓮根 lists the area's public resources with their next dates and phone numbers, the centre, and the date printed", async () => {
    const r = await get(t, `/print/handout.pdf?area=${encodeURIComponent("蓮根")}`);
    expect(r.status).toBe(200);
    expect(r.type).toBe("application/pdf");
    const { text } = await pdfText(r.body);
    const flat = text.replace(/\s+/g, "");
    const publicOnes = await t.db.resource.findMany({ where: { area: { name: "蓮根" }, status: "active", visibility: "public" } });
    expect(publicOnes.length).toBeGreaterThan(3);
    for (const res of publicOnes) expect(flat).toContain(res.name.replace(/\s+/g, ""));
    const hidden = await t.db.resource.findMany({ where: { area: { name: "蓮根" }, visibility: "sc_only" } });
    for (const res of hidden) expect(flat).not.toContain(res.name.replace(/\s+/g, ""));
    // いきいきサロン蓮根 meets every Wednesday: its dates for the coming month.
    expect(flat).toContain("12月2日(水)13:00〜16:00");
    expect(flat).toContain("12月9日(水)");
    expect(flat).toMatch(/電話：03-\d{4}-\d{4}/);
    expect(flat).toContain("おとしより相談センター蓮根");
    expect(flat).toContain("2026年12月1日(火)現在");
    fs.mkdirSync("tests/artifacts", { recursive: true });
    fs.writeFileSync("tests/artifacts/handout-hasune.pdf", r.body);
  });

  it("a handout for one category lists only that category", async () => {
    const { text } = await pdfText((await get(t, `/print/handout.pdf?area=${encodeURIComponent("蓮根")}&category=exercise`)).body);
    expect(text).toContain("体操・運動");
    expect(text).not.toContain("サロン・通いの場");
  });

  it("the poster says LINEで近くのサロンをさがせます and its QR code decodes to the configured add-friend URL", async () => {
    const r = await get(t, `/print/poster.pdf?area=${encodeURIComponent("蓮根")}`);
    const { text } = await pdfText(r.body);
    expect(text.replace(/\s+/g, "")).toContain("LINEで近くのサロンをさがせます");
    expect(text).toContain("蓮根のサロン");
    const [img] = await pageImages(r.body, 1);
    const qr = jsQR(img.data, img.width, img.height);
    expect(qr?.data).toBe(t.config.municipality.addFriendUrl);
  });

  it("an unknown area is a clear 400, not an empty sheet", async () => {
    const r = await get(t, `/print/handout.pdf?area=${encodeURIComponent("どこか")}`);
    expect(r.status).toBe(400);
    expect(r.body.toString()).toContain("地域");
  });

  it("the same files come from the command line into --out DIR", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "print-"));
    const env = { ...process.env, DATABASE_URL: t.databaseUrl, NODE_ENV: "test" };
    execFileSync(process.execPath, ["--import", "tsx", "src/cli/print.ts", "handout", "--area", "蓮根", "--out", dir], { env });
    execFileSync(process.execPath, ["--import", "tsx", "src/cli/print.ts", "poster", "--area", "蓮根", "--out", dir], { env });
    expect(fs.readdirSync(dir).sort()).toEqual(["handout-蓮根.pdf", "poster-蓮根.pdf"]);
    expect(fs.readFileSync(path.join(dir, "handout-蓮根.pdf")).subarray(0, 5).toString()).toBe("%PDF-");
  }, 60_000);
});
