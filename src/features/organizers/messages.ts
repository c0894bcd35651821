import { flex, text, type Message, type QuickReplyChoice } from "../../line/messages.js";
import { resourceBubble } from "../search/messages.js";
import type { ResourceHit } from "../search/service.js";
import type { Occurrence } from "../../schedule/occurrences.js";
import { formatDateJa } from "../../schedule/time.js";
import { formatOccurrence as occurrenceText } from "../../schedule/occurrences.js";
import { MAIN_MENU } from "../welcome/messages.js";

/** What organisers (older volunteers, mostly) read: one activity at a time, buttons for every answer. */

const CANCEL: QuickReplyChoice = { kind: "postback", label: "やめる", action: "flow.cancel", displayText: "やめる" };

export function checkMessages(resourceId: number, name: string, monthLabel: string, dates: Occurrence[]): Message[] {
  const m = Number(monthLabel.slice(5));
  const list = dates.length ? dates.map((o) => `・${occurrenceText(o)}`).join("\n") : "（この月の予定はありません）";
  const a = (label: string, action: string): QuickReplyChoice => ({ kind: "postback", label, action, params: { r: resourceId }, displayText: label });
  return [
    text(
      `「${name}」の${m}月の予定です。\n${list}\nこのとおりですか？ 下のボタンで教えてください。`,
      [a("このとおり開催", "org.ok"), a("休みの日がある", "org.closed"), a("日にちが変わる", "org.moved"), a("しばらく休止", "org.pause"), a("終了", "org.end")],
    ),
  ];
}

export const organizerTexts = {
  listings: (hits: ResourceHit[]): Message[] => [
    text(`主催している活動は、住民の方にはこのように見えています（${hits.length}件）。`),
    flex(`主催している活動 ${hits.length}件`, { type: "carousel", contents: hits.slice(0, 10).map(resourceBubble) }, [{ kind: "message", label: "予定を変えたい", text: "予定を変えたい" }]),
  ],
  joined: (names: string[]) => [text(`主催者として登録しました。\n${names.map((n) => `・${n}`).join("\n")}\n毎月、翌月の予定の確認をお送りします。予定が変わるときは「予定を変えたい」と送ってください。`, MAIN_MENU)],
  badCode: () => [text("この登録コードは使えません。コーディネーターに新しいコードをお願いしてください。")],
  thanks: (name: string) => [text(`ありがとうございます。「${name}」の予定を確認済みにしました。`)],
  pickClosed: (name: string, dates: Occurrence[], chosen: string[], resourceId: number): Message[] => [
    text(
      `「${name}」のお休みの日を選んでください（いくつでも。もう一度押すと外れます）。${chosen.length ? `\nいま選んでいる日：${chosen.map((d) => formatIso(d)).join("、")}` : ""}`,
      [
        ...(chosen.length ? [{ kind: "postback", label: "これで決定", action: "org.closed_done", params: { r: resourceId }, displayText: "これで決定" } as QuickReplyChoice] : []),
        ...dates.slice(0, 10).map((o): QuickReplyChoice => {
          const iso = isoOf(o);
          return { kind: "postback", label: `${chosen.includes(iso) ? "✓" : ""}${formatDateJa(o.date)}`, action: "org.closed_day", params: { r: resourceId, d: iso }, displayText: formatDateJa(o.date) };
        }),
        CANCEL,
      ],
    ),
  ],
  noDates: () => [text("この先の予定が見つかりませんでした。予定が変わる場合は、コーディネーターにご連絡ください。")],
  closedSaved: (name: string, dates: string[]) => [text(`「${name}」は、${dates.map(formatIso).join("、")}をお休みにしました。参加する方にもそのようにお知らせします。`)],
  pickMoved: (name: string, dates: Occurrence[], resourceId: number): Message[] => [
    text(`「${name}」の、どの日が変わりますか？`, [
      ...dates.slice(0, 12).map((o): QuickReplyChoice => ({ kind: "postback", label: formatDateJa(o.date), action: "org.moved_from", params: { r: resourceId, d: isoOf(o) }, displayText: formatDateJa(o.date) })),
      CANCEL,
    ]),
  ],
  askMovedTo: (from: string, example: string) => [text(`${formatIso(from)}の回は、何日に変わりますか？\n例：「${example}」のように日にちを送ってください。`, [CANCEL])],
  movedNotUnderstood: (example: string) => [text(`日にちが読み取れませんでした。「${example}」のように送ってください。`, [CANCEL])],
  movedSaved: (name: string, from: string, to: string) => [text(`「${name}」の${formatIso(from)}の回を、${formatIso(to)}に変えました。`)],
  askPause: (name: string, resourceId: number, untilChoices: { label: string; iso: string }[]) => [
    text(`「${name}」は、いつまでお休みしますか？`, [
      ...untilChoices.map((c): QuickReplyChoice => ({ kind: "postback", label: c.label, action: "org.pause_until", params: { r: resourceId, u: c.iso }, displayText: c.label })),
      { kind: "postback", label: "再開が決まったら連絡", action: "org.pause_until", params: { r: resourceId, u: "" }, displayText: "再開が決まったら連絡します" },
      CANCEL,
    ]),
  ],
  pauseSaved: (name: string, until: string) => [
    text(until ? `「${name}」を${formatIso(until)}までお休みにしました。` : `「${name}」をお休み中にしました。再開するときは「予定を変えたい」から「再開する」を選んでください。`),
  ],
  confirmEnd: (name: string, resourceId: number) => [
    text(`「${name}」を終了にして、一覧から外します。よろしいですか？`, [
      { kind: "postback", label: "終了する", action: "org.end_yes", params: { r: resourceId }, displayText: "終了する" },
      { kind: "postback", label: "終了しない", action: "flow.cancel", displayText: "終了しない" },
    ]),
  ],
  ended: (name: string) => [text(`「${name}」を終了にしました。長い間ありがとうございました。`)],
  resumed: (name: string) => [text(`「${name}」を再開にしました。お知らせを待っている方にもお伝えします。`)],
  passedOn: () => [text("ありがとうございます。内容をコーディネーターにお伝えしました。")],
  notOrganizer: () => [text("主催している活動が登録されていません。コーディネーターから登録コードを受け取って「主催者登録 コード」と送ってください。")],
  pickResource: (resources: { id: number; name: string }[], action: string, lead: string) => [
    text(lead, resources.slice(0, 12).map((r): QuickReplyChoice => ({ kind: "postback", label: r.name.slice(0, 20), action, params: { r: r.id }, displayText: r.name.slice(0, 20) }))),
  ],
  whatToChange: (name: string, resourceId: number, paused: boolean) => [
    text(`「${name}」の何を変えますか？`, [
      ...(paused
        ? [{ kind: "postback", label: "再開する", action: "org.resume", params: { r: resourceId }, displayText: "再開する" } as QuickReplyChoice]
        : []),
      { kind: "postback", label: "休みの日がある", action: "org.closed", params: { r: resourceId }, displayText: "休みの日がある" },
      { kind: "postback", label: "日にちが変わる", action: "org.moved", params: { r: resourceId }, displayText: "日にちが変わる" },
      { kind: "postback", label: "しばらく休止", action: "org.pause", params: { r: resourceId }, displayText: "しばらく休止" },
      { kind: "postback", label: "終了", action: "org.end", params: { r: resourceId }, displayText: "終了" },
      { kind: "postback", label: "参加者募集", action: "org.recruit", params: { r: resourceId, k: "participants" }, displayText: "参加者を募集したい" },
      { kind: "postback", label: "お手伝い募集", action: "org.recruit", params: { r: resourceId, k: "helpers" }, displayText: "お手伝いを募集したい" },
      { kind: "postback", label: "コーディネーターに質問", action: "org.ask", params: { r: resourceId }, displayText: "コーディネーターに質問したい" },
    ]),
  ],
  askQuestion: () => [text("コーディネーターへの質問やご連絡を送ってください。", [CANCEL])],
  askRecruit: (kind: string) => [text(`${kind === "helpers" ? "お手伝い" : "参加者"}募集のお知らせ文を短く送ってください（200文字まで）。コーディネーターが確認してから、地域の方にお送りします。`, [CANCEL])],
  recruitQueued: () => [text("お知らせ文を受け付けました。コーディネーターが確認してから送ります。")],
  recruitSent: (n: number) => [text(`募集のお知らせが承認され、${n}人にお送りしました。`)],
  recruitDeclined: () => [text("募集のお知らせは、今回は見送りになりました。くわしくはコーディネーターにお問い合わせください。")],
};

export const scOrganizerTexts = {
  askResource: () => [text("主催者を招待する活動の名前（の一部）を送ってください。例：いきいきサロン", [CANCEL])],
  noResource: () => [text("担当の地域に、その名前の活動が見つかりませんでした。もう一度、名前の一部を送ってください。", [CANCEL])],
  pick: (resources: { id: number; name: string; areaName: string | null }[], chosen: number[]) => [
    text(`主催者を招待する活動を選んでください（いくつでも）。${chosen.length ? `\nいま選んでいる数：${chosen.length}` : ""}`, [
      ...(chosen.length ? [{ kind: "postback", label: "これで決定", action: "orginv.done", displayText: "これで決定" } as QuickReplyChoice] : []),
      ...resources.map((r): QuickReplyChoice => ({ kind: "postback", label: `${chosen.includes(r.id) ? "✓" : ""}${r.name}`.slice(0, 20), action: "orginv.pick", params: { r: r.id }, displayText: r.name.slice(0, 20) })),
      CANCEL,
    ]),
  ],
  code: (code: string, names: string[]) => [
    text(`主催者の登録コードは ${code} です（7日間有効）。\n対象：${names.join("、")}\n主催者の方に「主催者登録 ${code}」と送ってもらってください。`),
  ],
  organizerSays: (name: string, words: string) => [text(`「${name}」の主催者から連絡がありました。\n「${words}」`)],
  recruitRequest: (id: number, name: string, kind: string, words: string) => [
    text(`「${name}」の主催者から、${kind === "helpers" ? "お手伝い" : "参加者"}募集のお知らせの依頼です（No.${id}）。\n「${words}」\n承認すると、地域の${kind === "helpers" ? "ボランティア" : "住民"}（お知らせ停止の方を除く）に送ります。`, [
      { kind: "postback", label: "承認して送る", action: "recruit.ok", params: { n: id }, displayText: "承認して送る" },
      { kind: "postback", label: "見送る", action: "recruit.no", params: { n: id }, displayText: "見送る" },
    ]),
  ],
  recruitDone: (n: number) => [text(`募集のお知らせを${n}人に送りました。`)],
  recruitDropped: () => [text("募集のお知らせを見送りにしました。主催者にもお伝えしました。")],
  recruitGone: () => [text("この依頼はすでに対応済みか、見つかりません。")],
  stale: (items: { name: string; since: string }[]) => [
    text(`次の活動は、3か月以上、情報が確認されていません。主催者に確認をお願いします。\n${items.slice(0, 15).map((i) => `・${i.name}（${i.since}）`).join("\n")}${items.length > 15 ? `\nほか${items.length - 15}件` : ""}`),
  ],
};

export function noticeFoundMessages(label: string, areaName: string, name: string, when: string, place: string, phone: string): Message[] {
  return [
    text(`以前おさがしだった「${areaName}の${label}」が見つかりました。\n${name}\n次回：${when}\n場所：${place || "お問い合わせください"}${phone ? `\n電話：${phone}` : ""}`, MAIN_MENU),
  ];
}

const isoOf = (o: Occurrence) => `${o.date.y}-${String(o.date.m).padStart(2, "0")}-${String(o.date.d).padStart(2, "0")}`;
function formatIso(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return formatDateJa({ y, m, d });
}
