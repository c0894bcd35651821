import { text, type Message } from "../../line/messages.js";
import { MAIN_MENU } from "../welcome/messages.js";

/** What a person reads when they leave: the buttons name the action (退会する / 退会しない). */

export function confirmDeleteMessages(): Message[] {
  return [
    text("ご利用をやめて、お住まいの地域・ボランティア登録・ご相談の記録など、あなたの情報をすべて消します。元に戻せません。よろしいですか？", [
      { kind: "postback", label: "退会する", action: "privacy.delete", displayText: "退会する" },
      { kind: "postback", label: "退会しない", action: "flow.cancel", displayText: "退会しない" },
    ]),
  ];
}

export function keptMessages(): Message[] {
  return [text("退会しませんでした。これまでどおりご利用いただけます。", MAIN_MENU)];
}

export function deletedMessages(): Message[] {
  return [text("あなたの情報を消しました。ご利用ありがとうございました。また使うときは、何か話しかけてください。")];
}

/** 登録をやめたい from a volunteer: the volunteer registration, or the whole account? */
export function whichRegistrationMessages(): Message[] {
  return [
    text("どちらをやめますか？", [
      { kind: "message", label: "ボランティアだけやめる", text: "ボランティアの登録をやめたい" },
      { kind: "message", label: "LINEの利用をやめる", text: "退会したい" },
    ]),
  ];
}
