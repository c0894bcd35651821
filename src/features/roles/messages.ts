import { text, type Message, type QuickReplyChoice } from "../../line/messages.js";
import type { ClaimResult } from "./service.js";

export const SC_MENU: QuickReplyChoice[] = [
  { kind: "message", label: "お知らせを送る", text: "お知らせを送りたい" },
  { kind: "message", label: "ニーズを見る", text: "ニーズの集計を見たい" },
  { kind: "message", label: "相談の一覧", text: "相談の一覧" },
  { kind: "message", label: "会議の予定", text: "会議の予定" },
  { kind: "message", label: "会議を登録", text: "会議を登録" },
  { kind: "message", label: "管理画面", text: "管理画面" },
];

export function claimMessages(r: ClaimResult): Message[] {
  if (r.ok) {
    const scope = r.layer === 1 ? "区全体（第1層）" : `${r.areaNames.join("、")}（第2層）`;
    return [text(`生活支援コーディネーターとして登録しました。\n担当：${scope}`, SC_MENU)];
  }
  const why = {
    invalid: "登録コードが正しくありません。もう一度ご確認ください。",
    expired: "この登録コードは有効期限が切れています。管理者に新しいコードをお願いしてください。",
    used: "この登録コードはすでに使われています。管理者に新しいコードをお願いしてください。",
    rate_limited: "登録コードの入力が続けて間違っていたため、しばらく受け付けられません。1時間ほどたってからお試しください。",
  }[r.reason];
  return [text(why)];
}

export function askCodeMessages(): Message[] {
  return [text("「SC登録」のあとに、管理者から届いた登録コードを続けて送ってください。\n例：SC登録 ABCD2345")];
}

/** The sign-in link: one idea per message, the link on its own line. */
export function consoleLinkMessages(link: string): Message[] {
  return [text(`管理画面へのリンクです（10分間、1回だけ使えます）。他の人には送らないでください。\n${link}`)];
}
