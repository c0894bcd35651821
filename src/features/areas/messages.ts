import { text, type Message, type QuickReplyChoice } from "../../line/messages.js";
import { MAIN_MENU } from "../welcome/messages.js";

export function askHomeAreaMessages(blocks: readonly { id: number; name: string }[]): Message[] {
  return [
    text(
      "お住まいの地域を教えてください。\n下のボタンから選ぶか、地域の名前（例：蓮根）を送ってください。",
      blocks.map((b): QuickReplyChoice => ({ kind: "postback", label: b.name, action: "area.block", params: { b: b.id } })),
    ),
  ];
}

export function homeAreaSavedMessages(areaName: string): Message[] {
  return [text(`お住まいの地域を「${areaName}」にしました。これからは${areaName}の情報を先にお知らせします。`, MAIN_MENU)];
}
