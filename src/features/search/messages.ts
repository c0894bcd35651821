import type { messagingApi } from "@line/bot-sdk";
import { labelValue } from "../../line/flex.js";
import { flex, postbackAction, telUri, text, uriAction, type Message, type QuickReplyChoice } from "../../line/messages.js";
import { MAX_ALT_TEXT_LENGTH, MAX_CAROUSEL_BUBBLES, truncate } from "../../line/limits.js";
import { formatDateJa, formatDateRangeJa, formatTime, parseIsoDate } from "../../schedule/time.js";
import { walkingMinutes } from "./distance.js";
import { displayPhone } from "../../util/phone.js";
import type { ResourceHit } from "./service.js";
import { queryParams, type SearchQuery } from "./query.js";

/** What residents read when they search: large text, one idea per line, buttons for phone and map. */

type FlexComponent = messagingApi.FlexComponent;
type FlexBubble = messagingApi.FlexBubble;

// Ten results and a もっと見る bubble stay within LINE's twelve.
export const PAGE_SIZE = Math.min(10, MAX_CAROUSEL_BUBBLES - 1);

export function whenText(hit: ResourceHit): string {
  const o = hit.next[0];
  if (!o) return hit.scheduleText || "日程はお問い合わせください";
  const time = o.start !== undefined ? ` ${formatTime(o.start)}${o.end !== undefined ? `〜${formatTime(o.end)}` : ""}` : "";
  return `${formatDateJa(o.date)}${time}`;
}

export function mapUrl(lat: number, lng: number): string {
  return `https://www.google.com/maps/search/?api=1&query=${lat.toFixed(6)},${lng.toFixed(6)}`;
}

export function resourceBubble(hit: ResourceHit): FlexBubble {
  // A counter is open rather than held: its next opening is 受付, not 次回.
  const rows: FlexComponent[] = [labelValue(hit.categoryKind === "consultation" ? "次の受付" : "次回", whenText(hit), { bold: true, max: 120 })];
  // Days off, moved days, old information: said before anything else.
  for (const n of hit.notices) rows.push(labelValue("お知らせ", n, { bold: true }));
  if (hit.next[0] && hit.scheduleText) rows.push(labelValue("日程", hit.scheduleText));
  if (hit.restricted) rows.push(labelValue("場所", "お申し込みの際にご案内します"));
  else if (hit.venue || hit.areaName) rows.push(labelValue("場所", [hit.venue, hit.areaName ? `（${hit.areaName}）` : ""].join("")));
  if (hit.distanceM !== undefined) rows.push(labelValue("距離", `徒歩約${walkingMinutes(hit.distanceM)}分`, { bold: true }));
  if (hit.fee) rows.push(labelValue("費用", hit.fee));
  if (hit.restricted && hit.organiser) rows.push(labelValue("連絡先", hit.organiser));
  // Written out beside the button: a button hides the digits, and people write numbers down.
  if (hit.phone) rows.push(labelValue("電話", displayPhone(hit.phone), { bold: true }));
  const buttons: FlexComponent[] = [];
  if (hit.phone) buttons.push({ type: "button", style: "primary", height: "md", color: "#1E7F4F", action: uriAction(`電話する ${displayPhone(hit.phone)}`, telUri(hit.phone)) });
  if (!hit.restricted && hit.lat !== null && hit.lng !== null) {
    buttons.push({ type: "button", style: "secondary", height: "md", action: uriAction("地図を見る", mapUrl(hit.lat, hit.lng)) });
  }
  const bubble: FlexBubble = {
    type: "bubble",
    size: "mega",
    body: {
      type: "box",
      layout: "vertical",
      spacing: "md",
      contents: [
        { type: "text", text: truncate(hit.name, 60), weight: "bold", size: "xl", wrap: true, color: "#111111" },
        { type: "text", text: hit.categoryLabel, size: "sm", color: "#1E7F4F", weight: "bold" },
        { type: "separator", margin: "md" },
        { type: "box", layout: "vertical", spacing: "sm", margin: "md", contents: rows },
      ],
    },
  };
  if (buttons.length) bubble.footer = { type: "box", layout: "vertical", spacing: "sm", contents: buttons };
  return bubble;
}

function moreBubble(q: SearchQuery, nextOffset: number, remaining: number): FlexBubble {
  return {
    type: "bubble",
    size: "kilo",
    body: {
      type: "box",
      layout: "vertical",
      justifyContent: "center",
      spacing: "lg",
      contents: [
        { type: "text", text: `ほかに${remaining}件あります`, size: "lg", weight: "bold", wrap: true, align: "center" },
        { type: "button", style: "primary", height: "md", action: postbackAction("もっと見る", "search", { ...queryParams({ ...q, offset: nextOffset }) }, "もっと見る") },
      ],
    },
  };
}

export function describeQuery(areaName: string | undefined, label: string, q: SearchQuery): string {
  const parts: string[] = [];
  if (q.near) parts.push("お近く");
  else if (areaName) parts.push(areaName);
  const when: string[] = [];
  const from = q.date ? parseIsoDate(q.date) : null;
  if (from) when.push(formatDateRangeJa(from, (q.dateTo ? parseIsoDate(q.dateTo) : null) ?? from));
  // Monday first, as calendars and people say it (土・日曜日, not 日・土曜日).
  if (q.weekdays?.length) when.push([...q.weekdays].sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7)).map((d) => "日月火水木金土"[d]).join("・") + "曜日");
  if (q.timeOfDay) when.push({ morning: "午前", afternoon: "午後", evening: "夕方以降" }[q.timeOfDay]);
  const where = parts.length ? `${parts.join("")}の` : "";
  return `${where}${when.length ? when.join(" ") + "の" : ""}${q.free ? "無料の" : ""}${label}`;
}

export function resultMessages(subject: string, q: SearchQuery, items: ResourceHit[], total: number, choices: QuickReplyChoice[]): Message[] {
  const offset = q.offset ?? 0;
  const order = q.near ? "近い順です。" : "日にちの近い順です。";
  const summary =
    offset === 0
      ? `${subject}が${total}件見つかりました。${order}`
      : `${subject}の${offset + 1}〜${offset + items.length}件目です（全${total}件）。`;
  const bubbles = items.map(resourceBubble);
  const remaining = total - offset - items.length;
  if (remaining > 0) bubbles.push(moreBubble(q, offset + items.length, remaining));
  const alt = truncate(`${subject} ${total}件: ` + items.map((h) => `${h.name}（${whenText(h)}）`).join("、"), MAX_ALT_TEXT_LENGTH);
  return [text(summary), flex(alt, { type: "carousel", contents: bubbles }, choices)];
}

export function noResultMessages(subject: string, suggestions: string[], choices: QuickReplyChoice[]): Message[] {
  const tail = suggestions.length ? `\n${suggestions.join("\n")}` : "";
  return [text(`申し訳ありません。${subject}は見つかりませんでした。${tail}`, choices)];
}

export function askAreaMessages(blocks: readonly { id: number; name: string; parentId?: number | null }[], withLocation = true, wholeLabel?: string): Message[] {
  const choices: QuickReplyChoice[] = blocks.map((b) => ({ kind: "postback", label: b.name, action: "area.block", params: { b: b.id } }));
  if (withLocation) choices.unshift({ kind: "location", label: "近くをさがす" });
  const whole = blocks[0]?.parentId;
  if (wholeLabel && whole) choices.push({ kind: "postback", label: wholeLabel, action: "area.pick", params: { a: whole }, displayText: wholeLabel });
  return [text("どちらの地域ですか？\n下のボタンから選ぶか、地域の名前（例：蓮根）を送ってください。", choices)];
}

export function askLocationMessages(): Message[] {
  return [text("下の「位置情報を送る」を押して、いまいる場所を送ってください。近い順にお知らせします。", [{ kind: "location", label: "位置情報を送る" }])];
}

export function chooseAreaInBlockMessages(blockName: string, areas: { id: number; name: string }[], action: string, extra: Record<string, string | number | undefined>): Message[] {
  return [
    text(
      `${blockName}のどちらですか？`,
      areas.map((a): QuickReplyChoice => ({ kind: "postback", label: a.name, action, params: { ...extra, a: a.id }, displayText: a.name })),
    ),
  ];
}

/** そこの電話番号は？ / 場所は？ about the results just shown. */
export function lastDetailsMessages(subject: string, rows: { name: string; detail: string }[], what: "phone" | "place" | "when" | "fee"): Message[] {
  const noun = { phone: "電話番号", place: "場所", when: "次の日にち", fee: "費用" }[what];
  const known = rows.filter((r) => r.detail);
  if (known.length === 0) return [text(`${subject}の${noun}は、まだ登録されていません。`)];
  return [text(`${subject}の${noun}です。\n${known.map((r) => `・${r.name}\n　${r.detail}`).join("\n")}`)];
}

/** A question about the results the bot cannot answer (予約はいりますか？): whom to ask, numbers written out. */
export function askThemMessages(subject: string, rows: { name: string; phone: string }[]): Message[] {
  const known = rows.filter((r) => r.phone);
  if (known.length === 0) return [text("すみません、そのことはこちらではわかりません。地域の生活支援コーディネーターにおたずねください。")];
  return [text(`すみません、そのことはこちらではわかりません。${subject}に直接おたずねください。\n${known.map((r) => `・${r.name}\n　${r.phone}`).join("\n")}`)];
}

export function noMoreMessages(subject: string): Message[] {
  return [text(`${subject}は、ほかにはありません。ほかの地域でさがすこともできます。`)];
}
