import { text, type Message, type QuickReplyChoice } from "../../line/messages.js";
import { MAIN_MENU } from "../welcome/messages.js";
import { describeSlots, SKILLS, skillLabel } from "./model.js";
import type { VolunteerDraft } from "./service.js";

const CANCEL: QuickReplyChoice = { kind: "postback", label: "やめる", action: "flow.cancel", displayText: "やめる" };

export function consentMessages(): Message[] {
  return [
    text(
      "ボランティア登録では、お名前・活動できる地域・できること・都合のよい日時（電話番号は任意）をお預かりします。\n見ることができるのは、選んだ地域の生活支援コーディネーターだけです。",
      [{ kind: "postback", label: "同意して進む", action: "vreg.consent", displayText: "同意して進む" }, CANCEL],
    ),
  ];
}

export function consentFirstMessages(): Message[] {
  return [
    text("お名前などは、同意していただいたあとにうかがいます。\n進める場合は「同意して進む」を押してください。", [
      { kind: "postback", label: "同意して進む", action: "vreg.consent", displayText: "同意して進む" },
      CANCEL,
    ]),
  ];
}

export function askNameMessages(profileName: string | null): Message[] {
  const choices: QuickReplyChoice[] = profileName ? [{ kind: "postback", label: `「${profileName}」にする`.slice(0, 20), action: "vreg.name", params: { n: profileName.slice(0, 40) }, displayText: profileName.slice(0, 40) }] : [];
  return [text("コーディネーターに表示するお名前を送ってください。", [...choices, CANCEL])];
}

export function askAreasMessages(selected: string[], blocks: readonly { id: number; name: string }[]): Message[] {
  const now = selected.length ? `\nいま選んでいる地域：${selected.join("、")}` : "";
  const done: QuickReplyChoice[] = selected.length ? [{ kind: "postback", label: "地域はこれで決定", action: "vreg.areas_done", displayText: "地域はこれで決定" }] : [];
  return [
    text(
      `活動できる地域を選んでください（いくつでも）。地域の名前を送ることもできます（例：蓮根と舟渡）。${now}`,
      [...done, ...blocks.map((b): QuickReplyChoice => ({ kind: "postback", label: b.name, action: "area.block", params: { b: b.id } })), CANCEL],
    ),
  ];
}

export function askSkillsMessages(selected: string[]): Message[] {
  const choices: QuickReplyChoice[] = SKILLS.map((s) => ({
    kind: "postback",
    label: `${selected.includes(s.key) ? "✓" : ""}${s.label}`,
    action: "vreg.skill",
    params: { s: s.key },
    displayText: s.label,
  }));
  if (selected.length) choices.unshift({ kind: "postback", label: "これで決定", action: "vreg.skills_done", displayText: "これで決定" });
  const now = selected.length ? `\nいま選んでいるもの：${selected.map(skillLabel).join("、")}` : "";
  return [text(`できることを選んでください（いくつでも。もう一度押すと外れます）。${now}`, choices.slice(0, 13))];
}

const TIMES_CHOICES: QuickReplyChoice[] = [
  { kind: "message", label: "平日の午前", text: "平日の午前" },
  { kind: "message", label: "平日の午後", text: "平日の午後" },
  { kind: "message", label: "土日", text: "土日" },
  { kind: "message", label: "いつでも", text: "いつでも" },
  CANCEL,
];

export function askTimesMessages(): Message[] {
  return [text("活動しやすい曜日と時間帯を送ってください。\n例：火曜と木曜の午前、平日の夕方", TIMES_CHOICES)];
}

export function timesNotUnderstoodMessages(): Message[] {
  return [text("曜日や時間帯が読み取れませんでした。「月曜と水曜の午後」のように送るか、下のボタンから選んでください。", TIMES_CHOICES)];
}

const PHONE_CHOICES: QuickReplyChoice[] = [{ kind: "postback", label: "登録しない", action: "vreg.phone", params: { p: "" }, displayText: "電話番号は登録しない" }, CANCEL];

export function askPhoneMessages(): Message[] {
  return [text("コーディネーターが連絡するための電話番号を送ってください（任意です）。", PHONE_CHOICES)];
}

export function phoneNotUnderstoodMessages(): Message[] {
  // The buttons again: the earlier ones are gone once anything was typed.
  return [text("電話番号の形が読み取れませんでした。例：090-1234-5678\n登録しない場合は「登録しない」を押してください。", PHONE_CHOICES)];
}

export function summaryLines(d: VolunteerDraft, areaNames: string[]): string {
  return [
    `お名前：${d.displayName}`,
    `地域：${areaNames.join("、") || "未設定"}`,
    `できること：${d.skills.map(skillLabel).join("、") || "未設定"}`,
    `都合のよい日時：${describeSlots(d.availability)}`,
    `電話番号：${d.phone ?? "登録しない"}`,
  ].join("\n");
}

export function confirmMessages(d: VolunteerDraft, areaNames: string[]): Message[] {
  return [
    text(`この内容で登録します。よろしいですか？\n\n${summaryLines(d, areaNames)}`, [
      { kind: "postback", label: "登録する", action: "vreg.save", displayText: "登録する" },
      { kind: "postback", label: "直す", action: "vreg.fix", displayText: "直す" },
      CANCEL,
    ]),
  ];
}

/** 直す: which part of the registration. */
export function fixWhichMessages(): Message[] {
  const field = (label: string, f: string): QuickReplyChoice => ({ kind: "postback", label, action: "vreg.edit", params: { f }, displayText: `${label}を直す` });
  return [text("どこを直しますか？", [field("お名前", "name"), field("地域", "areas"), field("できること", "skills"), field("日時", "times"), field("電話番号", "phone")])];
}

export function registrationStoppedMessages(): Message[] {
  return [text("ボランティア登録をやめました。お預かりしたものはありません。\nまた登録したくなったら「ボランティア登録」と送ってください。", MAIN_MENU)];
}

export function skillsNotUnderstoodMessages(): Message[] {
  return [text("できることが読み取れませんでした。下のボタンから選んでください。")];
}

export function registeredMessages(): Message[] {
  return [text("ボランティアとして登録しました。ありがとうございます。\nお手伝いの相談があると、コーディネーターからお知らせが届きます。", MAIN_MENU)];
}

export function profileMessages(d: VolunteerDraft, areaNames: string[], pause: string | null): Message[] {
  return [
    text(`登録内容です。\n\n${summaryLines(d, areaNames)}${pause ? `\nお休み：${pause}` : ""}`, [
      { kind: "postback", label: "地域を変える", action: "vprof.edit", params: { f: "areas" } },
      { kind: "postback", label: "できることを変える", action: "vprof.edit", params: { f: "skills" } },
      { kind: "postback", label: "日時を変える", action: "vprof.edit", params: { f: "times" } },
      { kind: "postback", label: "電話番号を変える", action: "vprof.edit", params: { f: "phone" } },
      { kind: "postback", label: "名前を変える", action: "vprof.edit", params: { f: "name" } },
    ]),
  ];
}

export function notVolunteerMessages(): Message[] {
  return [text("まだボランティア登録がありません。登録しますか？", [{ kind: "message", label: "登録する", text: "ボランティアに登録したい" }, ...MAIN_MENU.slice(0, 3)])];
}

/** やめたい from someone with no volunteer registration: maybe they mean leaving the LINE account. */
export function nothingToWithdrawMessages(): Message[] {
  return [
    text("ボランティアの登録はありません。このLINEの利用をやめる（退会する）場合は、下のボタンを押してください。", [
      { kind: "message", label: "退会について", text: "退会したい" },
      ...MAIN_MENU.slice(0, 3),
    ]),
  ];
}

export function alreadyVolunteerMessages(): Message[] {
  return [text("すでにボランティアとして登録されています。登録内容を見ますか？", [{ kind: "message", label: "登録内容を見る", text: "登録内容を確認したい" }])];
}

export function confirmAvailabilityMessages(description: string): Message[] {
  return [
    text(`${description}\nこのように変更します。よろしいですか？`, [
      { kind: "postback", label: "はい", action: "vavail.save", displayText: "はい" },
      CANCEL,
    ]),
  ];
}

export function availabilitySavedMessages(): Message[] {
  return [text("変更しました。ありがとうございます。", MAIN_MENU)];
}

export function confirmWithdrawMessages(): Message[] {
  return [
    text("ボランティアをやめると、お名前・電話番号・地域・できること・日時の登録を消します。よろしいですか？", [
      { kind: "postback", label: "登録を消す", action: "vwd.confirm", displayText: "登録を消す" },
      { kind: "postback", label: "登録を消さない", action: "flow.cancel", displayText: "登録を消さない" },
    ]),
  ];
}

export function withdrawKeptMessages(): Message[] {
  return [text("登録はそのままです。これからもよろしくお願いします。", MAIN_MENU)];
}

export function withdrawnMessages(): Message[] {
  return [text("ボランティアの登録を消しました。これまでありがとうございました。", MAIN_MENU)];
}
