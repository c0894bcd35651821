import { text, type Message, type QuickReplyChoice } from "../../line/messages.js";
import { MAIN_MENU } from "../welcome/messages.js";

const ASK: QuickReplyChoice = { kind: "postback", label: "コーディネーターに相談", action: "help.ask", displayText: "コーディネーターに相談したい" };
const NOT_NOW: QuickReplyChoice = { kind: "postback", label: "今はいい", action: "flow.cancel", displayText: "今はいい" };

export function offerCoordinatorMessages(): Message[] {
  return [text("お困りのことを、地域の生活支援コーディネーターにお伝えして、手伝える人を一緒にさがすこともできます。", [ASK, NOT_NOW])];
}

export function consentMessages(areaName: string): Message[] {
  return [
    text(
      `ご相談の内容を、${areaName}の生活支援コーディネーターにお伝えします。お名前や電話番号はお伝えしません。よろしいですか？`,
      [
        { kind: "postback", label: "はい、伝える", action: "help.confirm", displayText: "はい、伝えてください" },
        { kind: "postback", label: "やめる", action: "flow.cancel", displayText: "やめる" },
      ],
    ),
  ];
}

export function requestReceivedMessages(): Message[] {
  return [text("受け付けました。担当のコーディネーターが内容を確認して、ご連絡します。しばらくお待ちください。", MAIN_MENU)];
}

export function askYesNoMessages(): Message[] {
  return [text("「はい」か「やめる」のボタンを押してください。")];
}
