import type { messagingApi } from "@line/bot-sdk";
import type { Meeting } from "../../generated/prisma/client.js";
import { card, COLORS, labelValue, postbackButton } from "../../line/flex.js";
import { flex, text, type Message, type QuickReplyChoice } from "../../line/messages.js";
import { afternoon, exampleDay, type Times } from "../../schedule/phrase.js";
import { formatDateJa, formatInstantJa, formatTime, isoDate, weekdayOf, zonedParts, type PlainDate } from "../../schedule/time.js";
import { parseJsonArray } from "../volunteers/model.js";
import { AUDIENCE_JA, KINDS, type Audience } from "./service.js";

const CANCEL: QuickReplyChoice = { kind: "postback", label: "やめる", action: "flow.cancel", displayText: "やめる" };
const RESPONSE_JA: Record<string, string> = { attend: "出席", absent: "欠席" };

export function when(m: Pick<Meeting, "startsAt" | "endsAt">, tz: string): string {
  const end = m.endsAt ? `〜${formatTime(zonedParts(m.endsAt, tz).hour * 60 + zonedParts(m.endsAt, tz).minute)}` : "";
  return `${formatInstantJa(m.startsAt, tz)}${end}`;
}

function meetingBubble(m: Meeting, tz: string, opts: { rsvp?: boolean; response?: string | null; sc?: boolean; heading?: string }): messagingApi.FlexBubble {
  const agenda = parseJsonArray<string>(m.agenda);
  const buttons: messagingApi.FlexComponent[] = [];
  if (opts.rsvp) {
    buttons.push(
      postbackButton("出席", "mtg.rsvp", { m: m.id, a: 1 }, { primary: true, displayText: "出席します", height: "md" }),
      postbackButton("欠席", "mtg.rsvp", { m: m.id, a: 0 }, { displayText: "欠席します", height: "md" }),
    );
  }
  if (opts.sc) {
    buttons.push(
      postbackButton("出欠を見る", "mtg.attendance", { m: m.id }),
      postbackButton("日時を変える", "mtg.reschedule", { m: m.id }),
      postbackButton("リマインドを変える", "mtg.plan", { m: m.id }),
      postbackButton("中止にする", "mtg.cancel", { m: m.id }),
    );
  }
  return card(
    [
      ...(opts.heading ? [{ type: "text", text: opts.heading, size: "sm", color: COLORS.warn, weight: "bold" } as messagingApi.FlexComponent] : []),
      { type: "text", text: `${m.title}${m.status === "cancelled" ? "（中止）" : ""}`, weight: "bold", size: "lg", wrap: true },
      { type: "text", text: m.kind, size: "sm", color: COLORS.accent },
      { type: "separator", margin: "md" },
      labelValue("日時", when(m, tz), { bold: true }),
      labelValue("会場", [m.venue, m.address].filter(Boolean).join(" ")),
      ...(agenda.length ? [labelValue("議題", agenda.join("\n"))] : []),
      ...(opts.response !== undefined ? [labelValue("出欠", opts.response ? RESPONSE_JA[opts.response] : "未回答")] : []),
    ],
    buttons,
  );
}

/** An attendee whose name the bot does not know. */
export const UNNAMED = "お名前未登録の方";

/** How far away the meeting is when the reminder is sent: 今日 / 明日 / あさって / 3日後 / 1週間後. */
export function reminderHeading(start: Date, sentAt: Date, tz: string): string {
  const a = zonedParts(sentAt, tz);
  const b = zonedParts(start, tz);
  const days = Math.round((Date.UTC(b.y, b.m - 1, b.d) - Date.UTC(a.y, a.m - 1, a.d)) / 86_400_000);
  const when = days <= 0 ? "今日" : days === 1 ? "明日" : days === 2 ? "あさって" : days === 7 ? "1週間後" : days === 14 ? "2週間後" : `${days}日後`;
  return `${when}の会議のお知らせ`;
}

export function reminderMessages(m: Meeting, tz: string, sentAt: Date): Message[] {
  const heading = reminderHeading(m.startsAt, sentAt, tz);
  return [flex(`${heading}：${m.title} ${when(m, tz)} ${m.venue}`, meetingBubble(m, tz, { rsvp: true, heading }))];
}

export function changedMessages(m: Meeting, tz: string): Message[] {
  return [flex(`会議の日時が変わりました：${m.title} ${when(m, tz)}`, meetingBubble(m, tz, { rsvp: true, heading: "日時が変わりました" }))];
}

export function cancelledMessages(m: Meeting, tz: string): Message[] {
  return [text(`「${m.title}」（${when(m, tz)}）は中止になりました。`)];
}

export function listMessages(items: { meeting: Meeting; response: string | null; sc: boolean }[], tz: string, canCreate = false): Message[] {
  if (items.length === 0) {
    const create: QuickReplyChoice[] = canCreate ? [{ kind: "message", label: "会議を登録", text: "会議を登録" }] : [];
    return [text(`これからの会議の予定はありません。${canCreate ? "\n新しく登録するときは「会議を登録」を押してください。" : ""}`, create)];
  }
  return [
    text(`これからの会議が${items.length}件あります。`),
    flex(`会議の予定 ${items.length}件：` + items.map((i) => `${i.meeting.title}（${when(i.meeting, tz)}）`).join("、"), {
      type: "carousel",
      contents: items.slice(0, 10).map((i) => meetingBubble(i.meeting, tz, { rsvp: !i.sc, response: i.response, sc: i.sc })),
    }),
  ];
}

export function rsvpSavedMessages(m: Meeting, attending: boolean, tz: string): Message[] {
  return [text(`「${m.title}」（${when(m, tz)}）を${attending ? "出席" : "欠席"}で承りました。`)];
}

export function noMeetingForRsvpMessages(): Message[] {
  return [text("出欠を伝えられる会議が見つかりませんでした。会議のお知らせの「出席」「欠席」ボタンからお答えください。")];
}

export function attendanceMessages(m: Meeting, tz: string, rows: { name: string; response: string | null }[]): Message[] {
  const count = (r: string | null) => rows.filter((x) => x.response === r).length;
  const names = (r: string | null) => rows.filter((x) => x.response === r).map((x) => x.name).join("、") || "なし";
  return [
    text(
      `「${m.title}」（${when(m, tz)}）の出欠\n出席 ${count("attend")}人：${names("attend")}\n欠席 ${count("absent")}人：${names("absent")}\n未回答 ${count(null)}人`,
    ),
  ];
}

export function askKindMessages(): Message[] {
  return [text("会議の種類を選んでください。", [...KINDS.map((k, i): QuickReplyChoice => ({ kind: "postback", label: k, action: "mtg.kind", params: { k: i }, displayText: k })), CANCEL])];
}
export function askTitleMessages(): Message[] {
  return [text("会議の名前を送ってください（例：第3回 蓮根地区協議体）。", [CANCEL])];
}
export function askWhenMessages(now: Date, tz: string): Message[] {
  return [text(`日時を送ってください（例：${exampleDay(now, tz, 9)}14時から16時、来週水曜の18時半）。`, [CANCEL])];
}
export function whenNotUnderstoodMessages(now: Date, tz: string): Message[] {
  return [text(`日時が読み取れませんでした。「${exampleDay(now, tz, 9)} 14時から16時」のように送ってください。`, [CANCEL])];
}

const clock = (min: number) => `${Math.floor(min / 60) % 12 || 12}時${min % 60 ? `${min % 60}分` : ""}`;

/** 6時: morning or evening? Both as buttons, with the end time if one was given. */
export function askAmPmMessages(date: PlainDate, times: Times): Message[] {
  const pm = afternoon(times);
  const range = (t: Times, half: string) => `${half}${clock(t.start)}${t.end !== undefined ? `〜${clock(t.end)}` : ""}`;
  const choice = (t: Times, half: string): QuickReplyChoice => ({ kind: "postback", label: range(t, half), action: "mtg.when", params: { d: isoDate(date), s: t.start, e: t.end }, displayText: range(t, half) });
  return [text(`${formatDateJa(date)}の${clock(times.start)}は、午前ですか、午後ですか？`, [choice(times, "午前"), choice(pm, "午後"), CANCEL])];
}

/** 12月10日(水) when the 10th is a Thursday: which of the two was meant. */
export function whichDayMessages(date: PlainDate, sameWeek: PlainDate, written: number, times: Times | null): Message[] {
  const wd = "日月火水木金土";
  const choice = (d: PlainDate): QuickReplyChoice => ({
    kind: "postback",
    label: formatDateJa(d),
    action: "mtg.when",
    params: { d: isoDate(d), s: times?.start, e: times?.end },
    displayText: formatDateJa(d),
  });
  return [
    text(`${date.m}月${date.d}日は${wd[weekdayOf(date)]}曜日です（${wd[written]}曜日ではありません）。\nどちらの日ですか？`, [choice(date), choice(sameWeek), CANCEL]),
  ];
}
export function pastMessages(): Message[] {
  return [text("過去の日時になっています。これから先の日時を送ってください。")];
}
export function askVenueMessages(): Message[] {
  return [text("会場を送ってください（例：蓮根地域センター 2階会議室）。", [CANCEL])];
}
export function askAudienceMessages(): Message[] {
  return [
    text("どなたにお知らせしますか？", [
      ...(["council", "volunteers", "residents"] as Audience[]).map((a): QuickReplyChoice => ({ kind: "postback", label: AUDIENCE_JA[a], action: "mtg.audience", params: { a }, displayText: AUDIENCE_JA[a] })),
      CANCEL,
    ]),
  ];
}
export function confirmMessages(summary: string, count: number): Message[] {
  const who = count > 0 ? `お知らせする人：${count}人` : "お知らせする人：まだいません（0人）。\n登録しても、いまは誰にも届きません。あとで参加したメンバーには、これからのリマインドが届きます。";
  return [
    text(`この内容で登録します。\n${summary}\n${who}\nリマインドは1週間前と前日の10時（17時以降の会議は2時間前にも）に自動で届きます。`, [
      { kind: "postback", label: "登録する", action: "mtg.save", displayText: "登録する" },
      CANCEL,
    ]),
  ];
}
export function createdMessages(m: Meeting, tz: string): Message[] {
  return [text(`「${m.title}」を登録しました。`), flex(`${m.title} ${when(m, tz)}`, meetingBubble(m, tz, { sc: true }))];
}
export function rescheduledMessages(m: Meeting, tz: string, notified: number): Message[] {
  return [text(`「${m.title}」の日時を${when(m, tz)}に変えました。${notified}人にお知らせしました。`)];
}
export function cancelDoneMessages(m: Meeting, notified: number): Message[] {
  return [text(`「${m.title}」を中止にしました。${notified}人にお知らせしました。`)];
}
export function confirmCancelMessages(m: Meeting, tz: string): Message[] {
  return [
    text(`「${m.title}」（${when(m, tz)}）を中止にして、皆さんにお知らせします。よろしいですか？`, [
      { kind: "postback", label: "中止にする", action: "mtg.cancel_ok", params: { m: m.id }, displayText: "中止にする" },
      CANCEL,
    ]),
  ];
}
export function councilCodeMessages(code: string, area: string): Message[] {
  return [text(`${area}の協議体メンバーの登録コードは ${code} です（7日間有効）。\nメンバーの方に「協議体参加 ${code}」と送ってもらってください。`)];
}
export function councilJoinedMessages(area: string): Message[] {
  return [text(`${area}の協議体メンバーとして登録しました。会議のお知らせが届くようになります。`)];
}

export function askPlanMessages(meetingId: number, presets: Record<string, { label: string }>): Message[] {
  return [
    text("リマインドの送り方を選んでください。", [
      ...Object.entries(presets).map(([key, p]): QuickReplyChoice => ({ kind: "postback", label: p.label.slice(0, 20), action: "mtg.plan_set", params: { m: meetingId, p: key }, displayText: p.label })),
      CANCEL,
    ]),
  ];
}

export function planSetMessages(m: Meeting, label: string): Message[] {
  return [text(`「${m.title}」のリマインドを「${label}」にしました。`)];
}
