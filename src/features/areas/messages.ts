import type { Area } from "../../generated/prisma/client.js";
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

export function homeAreaSavedMessages(areaName: string, previous: { id: number; name: string } | null, newId: number): Message[] {
  const undo: QuickReplyChoice = { kind: "postback", label: "元に戻す", action: "area.undo", params: { n: newId, p: previous?.id }, displayText: "元に戻す" };
  const before = previous ? `（前は「${previous.name}」でした）` : "";
  return [text(`お住まいの地域を「${areaName}」にしました${before}。これからは${areaName}の情報を先にお知らせします。\n違っていたら「元に戻す」を押してください。`, [undo, ...MAIN_MENU])];
}

export function homeAreaUndoneMessages(previousName: string | null): Message[] {
  return [text(previousName ? `お住まいの地域を「${previousName}」に戻しました。` : "お住まいの地域の登録を取り消しました。", MAIN_MENU)];
}

/** An area named without saying one lives there: what to look for there (the home area stays). */
export function whatInAreaMessages(area: Pick<Area, "id" | "name" | "kind">, forSomeoneElse: boolean): Message[] {
  const search = (label: string, params: Record<string, string | number>): QuickReplyChoice => ({
    kind: "postback",
    label,
    action: "search",
    params: { ...params, a: area.id },
    displayText: `${area.name}の${label}`,
  });
  const choices: QuickReplyChoice[] = [
    search("サロン・集いの場", { k: "place" }),
    search("体操・運動", { c: "exercise" }),
    search("生活のサービス", { k: "service" }),
    search("相談窓口", { c: "consultation" }),
  ];
  if (!forSomeoneElse && area.kind === "area") {
    choices.push({ kind: "postback", label: `${area.name}に住んでいる`.slice(0, 20), action: "area.home", params: { a: area.id }, displayText: `${area.name}に住んでいます` });
  }
  const lead = forSomeoneElse ? `${area.name}の情報ですね。` : "";
  return [text(`${lead}${area.name}で、何をおさがしですか？\n下のボタンから選ぶか、「${area.name}のサロン」のように送ってください。`, choices)];
}
