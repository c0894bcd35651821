import type { messagingApi } from "@line/bot-sdk";
import { card, COLORS, labelValue, postbackButton } from "../../line/flex.js";
import { flex, text, type Message } from "../../line/messages.js";
import { truncate } from "../../line/limits.js";
import { describeSlots, skillLabel } from "../volunteers/model.js";
import type { Candidate } from "../volunteers/service.js";

/** What coordinators and volunteers read about help requests. Never a resident's name or phone number. */

export const STATUS_JA: Record<string, string> = { received: "受付", coordinating: "調整中", arranged: "手配済", done: "完了", declined: "見送り" };

export interface RequestSummary {
  id: number;
  category: string;
  area: string;
  times: string;
  /** The resident's words, phone numbers and addresses masked: for coordinators only. */
  description: string;
  /** The SC's summary of the task: what volunteers are told. */
  scSummary: string | null;
  status: string;
  /** The volunteer who accepted, once someone has. */
  acceptedBy: string | null;
}

function requestBubble(r: RequestSummary, forSc: boolean): messagingApi.FlexBubble {
  const buttons: messagingApi.FlexComponent[] = forSc
    ? [
        postbackButton("候補を見る", "hr.candidates", { r: r.id }, { primary: true }),
        postbackButton("対応する", "hr.take", { r: r.id }),
        postbackButton("完了にする", "hr.done", { r: r.id }),
        postbackButton("見送る", "hr.drop", { r: r.id }),
      ]
    : [];
  return card(
    [
      { type: "text", text: `相談 No.${r.id}（${STATUS_JA[r.status] ?? r.status}）`, weight: "bold", size: "lg", wrap: true },
      labelValue("内容", r.category),
      labelValue("地域", r.area),
      labelValue("希望日時", r.times),
      labelValue("ご本人の言葉", r.description),
      ...(r.acceptedBy ? [labelValue("引き受けた人", `${r.acceptedBy}さん`, { bold: true })] : []),
    ],
    buttons,
  );
}

export function newRequestForScMessages(r: RequestSummary): Message[] {
  return [text(`${r.area}で新しい相談がありました（No.${r.id}）。`), flex(`新しい相談 No.${r.id}：${r.category}（${r.area}）`, requestBubble(r, true))];
}

export function requestListMessages(rs: RequestSummary[]): Message[] {
  if (rs.length === 0) return [text("対応中の相談はありません。")];
  return [text(`対応中の相談が${rs.length}件あります。`), flex(`対応中の相談 ${rs.length}件`, { type: "carousel", contents: rs.slice(0, 10).map((r) => requestBubble(r, true)) })];
}

export function candidatesMessages(requestId: number, cs: Candidate[]): Message[] {
  if (cs.length === 0) return [text("いまお願いできるボランティアが見つかりませんでした（お休み中の方は除いています）。")];
  const bubbles = cs.slice(0, 10).map((c) =>
    card(
      [
        { type: "text", text: c.displayName, weight: "bold", size: "lg", wrap: true },
        { type: "text", text: `できること：${c.skills.map(skillLabel).join("、") || "―"}`, size: "sm", wrap: true },
        { type: "text", text: `日時：${describeSlots(c.availability)}`, size: "sm", wrap: true },
        { type: "text", text: `合う点：${c.reasons.join("・") || "―"}`, size: "sm", color: COLORS.accent, wrap: true },
      ],
      [postbackButton("この人に頼む", "hr.ask", { r: requestId, v: c.volunteerId }, { primary: true })],
      "kilo",
    ),
  );
  return [text(`相談 No.${requestId} の候補です（合う順）。`), flex(`相談 No.${requestId} の候補 ${cs.length}人`, { type: "carousel", contents: bubbles })];
}

/** What a volunteer is told: the SC's summary of the task, never the resident's own words. */
export function taskForVolunteerMessages(offerId: number, r: RequestSummary): Message[] {
  return [
    text(
      `コーディネーターからお手伝いのお願いです。\n内容：${r.category}\n地域：${r.area}\n希望日時：${r.times}${r.scSummary ? `\nコーディネーターより：${truncate(r.scSummary, 200)}` : ""}\n※詳しい場所は、引き受けていただいた後にコーディネーターからお伝えします。`,
      [
        { kind: "postback", label: "引き受ける", action: "offer.accept", params: { o: offerId }, displayText: "引き受けます" },
        { kind: "postback", label: "今回は難しい", action: "offer.decline", params: { o: offerId }, displayText: "今回は難しいです" },
      ],
    ),
  ];
}

export const scTexts = {
  askSummary: (id: number) => [
    text(`相談 No.${id} について、ボランティアに伝える内容を短く送ってください（例：電球の交換、30分ほど）。\nご本人の言葉はそのままは伝わりません。`, [
      { kind: "postback", label: "種類と地域だけ伝える", action: "hr.nosummary", displayText: "種類と地域だけ伝える" },
      { kind: "postback", label: "やめる", action: "flow.cancel", displayText: "やめる" },
    ]),
  ],
  alreadyAsked: (name: string, id: number) => [text(`${name}さんには相談 No.${id} をすでにお願いしています。返事をお待ちください。`)],
  alreadyAccepted: (name: string, id: number) => [text(`相談 No.${id} は${name}さんが引き受けています。`)],
  asked: (name: string, id: number) => [text(`${name}さんに相談 No.${id} をお願いしました。返事が来たらお知らせします。`)],
  accepted: (name: string, r: RequestSummary) => [
    text(`${name}さんが相談 No.${r.id} を引き受けました。連絡先のやりとりは、いつもの方法でお願いします。`),
    flex(`相談 No.${r.id}：${name}さんが引き受けました`, requestBubble(r, true)),
  ],
  declined: (name: string, id: number) => [text(`${name}さんは相談 No.${id} を今回は難しいとのことです。ほかの候補をご検討ください。`, [{ kind: "postback", label: "候補を見る", action: "hr.candidates", params: { r: id } }])],
  taken: (id: number) => [text(`相談 No.${id} を「調整中」にしました。`)],
  done: (id: number) => [text(`相談 No.${id} を「完了」にしました。`)],
  askReason: (id: number) => [text(`相談 No.${id} を見送る理由を送ってください。`)],
  dropped: (id: number) => [text(`相談 No.${id} を「見送り」にしました。`)],
  outOfScope: () => [text("この相談は担当の地域のものではないため、操作できません。")],
  gone: () => [text("この相談はすでに終わっているか、見つかりません。")],
};

export const volunteerTexts = {
  thanks: () => [text("引き受けていただき、ありがとうございます。コーディネーターからご連絡します。")],
  noted: () => [text("お返事ありがとうございます。またよろしくお願いします。")],
  gone: () => [text("このお願いはすでに終わっています。ありがとうございました。")],
};

export const residentTexts = {
  taken: () => [text("ご相談の担当コーディネーターが決まりました。ご連絡をお待ちください。")],
  arranged: () => [text("お手伝いする人が決まりました。コーディネーターからご連絡します。")],
};
