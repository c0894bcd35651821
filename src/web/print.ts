import { createRequire } from "node:module";
import type PDFKitDocument from "pdfkit";
import type { AppDeps } from "../deps.js";
import { areaById } from "../features/areas/service.js";
import { centreForArea } from "../features/consultation/service.js";
import { categoriesOf, publicResource, searchResources, type ResourceDetail } from "../features/search/service.js";
import { formatDateJa, zonedParts } from "../schedule/time.js";
import { displayPhone } from "../util/phone.js";
import { occurrenceText } from "./pages.js";

/**
 * Printed sheets for residents without LINE, from the same data and search as
 * the bot: an A4 handout for an area (grouped by kind, next dates for the
 * coming month, every number written out) and an A4 poster with the QR code
 * that adds the LINE account. PDFKit with Noto Sans JP (a full TrueType font
 * from the npm registry, embedded as a subset) and the qrcode package.
 */

/** What printing needs: the data, the clock and the settings (the CLI has no LINE or NLU). */
export type PrintDeps = Pick<AppDeps, "db" | "clock" | "config">;

const require = createRequire(import.meta.url);
const FONT = require.resolve("@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf");
const FONT_BOLD = require.resolve("@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf");
const MARGIN = 48;
/** The smallest type on a sheet: 12 pt. */
const BODY = 12.5;

// PDFKit and qrcode are imported when a sheet is printed: they are not needed to answer LINE.
async function newDoc(title: string): Promise<PDFKit.PDFDocument> {
  const PDFDocument = (await import("pdfkit")).default as typeof PDFKitDocument;
  const doc = new PDFDocument({ size: "A4", margin: MARGIN, info: { Title: title, Producer: "ささえあいLINE" }, autoFirstPage: true });
  doc.registerFont("jp", FONT);
  doc.registerFont("jp-bold", FONT_BOLD);
  doc.font("jp");
  return doc;
}

function finish(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  return new Promise((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.end();
  });
}

const today = (now: Date, tz: string) => {
  const p = zonedParts(now, tz);
  return `${p.y}年${formatDateJa(p)}`;
};

async function qrPng(url: string, width: number): Promise<Buffer> {
  const QRCode = (await import("qrcode")).default;
  return QRCode.toBuffer(url, { type: "png", errorCorrectionLevel: "M", margin: 2, width });
}

/** The entries of an area's handout, by category in the usual order; SC-only ones never. */
export async function handoutEntries(deps: PrintDeps, areaId: number, category?: string): Promise<{ label: string; items: ResourceDetail[] }[]> {
  const now = deps.clock.now();
  const tz = deps.config.timeZone;
  const categories = await categoriesOf(deps.db);
  const found = await searchResources(
    deps.db,
    { categories: category ? [category] : [], areaId, publicOnly: true },
    { now, timeZone: tz, viewer: "resident", pageSize: 200 },
  );
  const groups = new Map<string, ResourceDetail[]>();
  for (const hit of found.items) {
    // The coming month's dates: up to eight within 31 days.
    const d = await publicResource(deps.db, hit.id, now, tz, 8, 31);
    if (!d) continue;
    groups.set(d.categoryKey, [...(groups.get(d.categoryKey) ?? []), d]);
  }
  return [...categories.keys()].filter((k) => groups.has(k)).map((k) => ({ label: categories.get(k)!.label, items: groups.get(k)! }));
}

export async function handoutPdf(deps: PrintDeps, areaId: number, category?: string): Promise<Buffer> {
  const now = deps.clock.now();
  const tz = deps.config.timeZone;
  const muni = deps.config.municipality;
  const area = await areaById(deps.db, areaId);
  const areaName = area?.name ?? "";
  const title = `${areaName}の通いの場・生活のサービス`;
  const doc = await newDoc(title);
  const width = doc.page.width - MARGIN * 2;
  doc.font("jp-bold").fontSize(20).text(title, { width });
  doc.font("jp").fontSize(BODY).fillColor("#333333").text(`${today(now, tz)} 現在の情報です。お出かけの前に、お電話でご確認ください。`, { width });
  doc.moveDown(0.6).fillColor("#000000");

  const groups = await handoutEntries(deps, areaId, category);
  if (groups.length === 0) doc.fontSize(14).text("この地域の情報は、まだ登録されていません。下の相談窓口にお問い合わせください。", { width });
  for (const g of groups) {
    if (doc.y > doc.page.height - 150) doc.addPage();
    doc.moveDown(0.4).font("jp-bold").fontSize(16).fillColor("#1e6b45").text(`■ ${g.label}`, MARGIN, undefined, { width }).fillColor("#000000");
    for (const r of g.items) {
      if (doc.y > doc.page.height - 120) doc.addPage();
      doc.moveDown(0.3).font("jp-bold").fontSize(14).text(r.name, MARGIN, undefined, { width });
      doc.font("jp").fontSize(BODY);
      const line = (label: string, value: string) => doc.text(`${label}：${value}`, MARGIN + 14, undefined, { width: width - 14 });
      line("日程", r.scheduleText || "お問い合わせください");
      for (const n of r.notices) line("お知らせ", n);
      if (r.next.length) line("次の日にち", r.next.map((o) => occurrenceText(o)).join("、"));
      line("場所", [r.venue, r.address].filter(Boolean).join("　") || "お問い合わせください");
      if (r.fee) line("費用", r.fee);
      if (r.phone) line("電話", displayPhone(r.phone));
    }
  }

  // The centre and the QR code, together at the end.
  const { centre } = await centreForArea(deps.db, areaId, { now, timeZone: tz, viewer: "resident", publicOnly: true });
  const fallback = muni.emergency.fallbackCentre;
  const contact = centre ? { name: centre.name, phone: centre.phone } : fallback ? { name: fallback.name, phone: fallback.number } : null;
  if (doc.y > doc.page.height - 190) doc.addPage();
  doc.moveDown(0.8);
  doc.x = MARGIN;
  const top = doc.y;
  doc.rect(MARGIN, top, width, 130).lineWidth(1.5).strokeColor("#d9b25a").stroke();
  doc.font("jp-bold").fontSize(14).text("ご相談は地域の相談窓口へ", MARGIN + 12, top + 12, { width: width - 150 });
  if (contact) doc.font("jp").fontSize(BODY).text(`${contact.name}\n電話 ${displayPhone(contact.phone)}`, { width: width - 150 });
  if (muni.addFriendUrl) {
    doc.image(await qrPng(muni.addFriendUrl, 300), MARGIN + width - 120, top + 10, { width: 110 });
    doc.font("jp").fontSize(BODY).text(`LINEで「${muni.accountName}」を友だち追加すると、スマホでもさがせます（右のQRコード）。`, MARGIN + 12, top + 78, { width: width - 150 });
  }
  return finish(doc);
}

export async function posterPdf(deps: PrintDeps, areaName: string | null): Promise<Buffer> {
  const muni = deps.config.municipality;
  const doc = await newDoc("LINEで近くのサロンをさがせます");
  const width = doc.page.width - MARGIN * 2;
  doc.moveDown(1).font("jp-bold").fontSize(34).fillColor("#1e6b45").text("LINEで近くのサロンを", { width, align: "center" }).text("さがせます", { width, align: "center" });
  doc.moveDown(0.5).font("jp").fontSize(16).fillColor("#000000").text(`${muni.name ? `${muni.name}の` : ""}サロン・体操・食事会や、お弁当の配達などのサービスを、LINEでお知らせします。`, { width, align: "center" });
  const size = 230;
  doc.moveDown(1);
  const y = doc.y;
  if (muni.addFriendUrl) {
    doc.image(await qrPng(muni.addFriendUrl, 600), (doc.page.width - size) / 2, y, { width: size });
    doc.y = y + size + 8;
    doc.fontSize(14).text(`スマホのカメラで読み取って「${muni.accountName}」を友だち追加`, MARGIN, doc.y, { width, align: "center" });
  }
  doc.moveDown(1).font("jp-bold").fontSize(20).text("こんなふうに送ってください", { width, align: "center" });
  const examples = [`「${areaName ?? "近く"}のサロン」`, "「月曜日の体操」", "「お弁当を届けてほしい」"];
  doc.font("jp").fontSize(20);
  for (const e of examples) doc.moveDown(0.3).text(e, { width, align: "center" });
  doc.moveDown(1).fontSize(13).fillColor("#333333").text("スマホをお持ちでない方は、地域包括支援センターや区の窓口で、紙の一覧をお渡しします。", { width, align: "center" });
  return finish(doc);
}
