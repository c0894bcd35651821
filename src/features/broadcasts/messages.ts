import { exampleDay } from "../../schedule/phrase.js";
import { weekdayOf, type PlainDate } from "../../schedule/time.js";
import { flex, text, type Message, type QuickReplyChoice } from "../../line/messages.js";
import { formatInstantJa } from "../../schedule/time.js";
import { ROLE_JA, type AudienceRole } from "./audience.js";

const CANCEL: QuickReplyChoice = { kind: "postback", label: "やめる", action: "flow.cancel", displayText: "やめる" };

export function askRoleMessages(): Message[] {
  return [
    text("お知らせを誰に送りますか？", [
      ...(Object.keys(ROLE_JA) as AudienceRole[]).map((r): QuickReplyChoice => ({ kind: "postback", label: ROLE_JA[r], action: "bc.role", params: { r }, displayText: ROLE_JA[r] })),
      CANCEL,
    ]),
  ];
}

export function askScopeMessages(choices: { label: string; value: string }[]): Message[] {
  return [text("どの地域に送りますか？", [...choices.map((c): QuickReplyChoice => ({ kind: "postback", label: c.label, action: "bc.scope", params: { s: c.value }, displayText: c.label })), CANCEL])];
}

export function askTextMessages(): Message[] {
  return [text("お知らせの文を送ってください（4500文字まで）。", [CANCEL])];
}

export function askExtraMessages(): Message[] {
  return [
    text("日時と場所を付けますか？付けると、カードの形で届きます。", [
      { kind: "postback", label: "付けない", action: "bc.extra", params: { x: "none" }, displayText: "付けない" },
      { kind: "postback", label: "日時と場所を付ける", action: "bc.extra", params: { x: "add" }, displayText: "日時と場所を付ける" },
      CANCEL,
    ]),
  ];
}

export function askWhenMessages(now: Date, tz: string): Message[] {
  return [text(`日時を送ってください（例：${exampleDay(now, tz, 9)} 14時から16時）。`, [CANCEL])];
}

export function askPlaceMessages(): Message[] {
  return [text("場所を送ってください（例：蓮根地域センター 2階）。", [CANCEL])];
}

export function whenNotUnderstoodMessages(now: Date, tz: string): Message[] {
  return [text(`日時が読み取れませんでした。「${exampleDay(now, tz, 9)} 14時」のように、午前・午後も添えて送ってください。`, [CANCEL])];
}

/** Exactly what recipients will receive. */
export function announcementMessages(body: string, timeZone: string, when?: { start: string; end?: string }, place?: string): Message[] {
  if (!when && !place) return [text(`【お知らせ】\n${body}`)];
  const rows = [
    ...(when ? [["日時", formatInstantJa(new Date(when.start), timeZone) + (when.end ? `〜${formatInstantJa(new Date(when.end), timeZone).split(" ")[1]}` : "")]] : []),
    ...(place ? [["場所", place]] : []),
  ];
  return [
    flex(`【お知らせ】${body}`, {
      type: "bubble",
      body: {
        type: "box",
        layout: "vertical",
        spacing: "md",
        contents: [
          { type: "text", text: "お知らせ", weight: "bold", size: "xl", color: "#1E7F4F" },
          { type: "text", text: body, wrap: true, size: "md" },
          { type: "separator" },
          ...rows.map(([k, v]) => ({
            type: "box" as const,
            layout: "baseline" as const,
            spacing: "md",
            contents: [
              { type: "text" as const, text: k, size: "sm", color: "#6B6B6B", flex: 2 },
              { type: "text" as const, text: v, size: "md", weight: "bold" as const, wrap: true, flex: 5 },
            ],
          })),
        ],
      },
    }),
  ];
}

export function previewMessages(preview: Message[], count: number, audienceLabel: string): Message[] {
  const note = text(
    `届くお知らせは上のとおりです。\n送信先：${audienceLabel}（${count}人）\n※21時から8時までは送らず、8時に送ります（緊急を除く）。`,
    [
      { kind: "postback", label: "送信", action: "bc.send", params: { u: 0 }, displayText: "送信" },
      { kind: "postback", label: "緊急で送信", action: "bc.send", params: { u: 1 }, displayText: "緊急で送信" },
      { kind: "postback", label: "予約", action: "bc.schedule", displayText: "予約する" },
      CANCEL,
    ],
  );
  return [...preview.slice(0, 4), note];
}

export function askScheduleMessages(now: Date, tz: string): Message[] {
  return [text(`いつ送りますか？（例：${exampleDay(now, tz, 2)} 9時）`, [CANCEL])];
}

export function scheduleInPastMessages(): Message[] {
  return [text("過去の日時は予約できません。これから先の日時を送ってください。")];
}

export function acceptedMessages(sendAt: Date, now: Date, timeZone: string, scheduled: boolean): Message[] {
  if (sendAt.getTime() > now.getTime()) {
    const when = formatInstantJa(sendAt, timeZone);
    return [text(scheduled ? `${when}に送るよう予約しました。` : `いまは送らない時間帯のため、${when}に送ります。`)];
  }
  return [text("送信を始めました。終わったらお知らせします。")];
}

export function noRecipientsMessages(): Message[] {
  return [text("送信先が0人のため、送れません。送信先を選び直してください。")];
}

export function optOutMessages(stopped: boolean): Message[] {
  return [text(stopped ? "お知らせの配信を止めました。再開するときは「お知らせ再開」と送ってください。" : "お知らせの配信を再開しました。")];
}

export function weekdayMismatchMessages(date: PlainDate, written: number): Message[] {
  const wd = "日月火水木金土";
  return [text(`${date.m}月${date.d}日は${wd[weekdayOf(date)]}曜日です（${wd[written]}曜日ではありません）。日にちと曜日を確かめて、もう一度送ってください。`, [CANCEL])];
}

export function askAmPmMessages(startMinutes: number): Message[] {
  const h = Math.floor(startMinutes / 60);
  return [text(`${h}時は、午前ですか、午後ですか？「午後${h}時」のように送ってください。`, [CANCEL])];
}
