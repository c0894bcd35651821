import { text, type Message, type QuickReplyChoice } from "../../line/messages.js";

/** Wording for first contact, help and the fallbacks every user can meet. */

export const MAIN_MENU: QuickReplyChoice[] = [
  { kind: "message", label: "サロン・集いの場", text: "サロンをさがしたい" },
  { kind: "message", label: "体操・運動", text: "体操できるところ" },
  { kind: "message", label: "生活のサービス", text: "生活のサービスを知りたい" },
  { kind: "location", label: "近くをさがす" },
  { kind: "message", label: "相談窓口", text: "相談窓口を教えて" },
  { kind: "message", label: "ボランティア", text: "ボランティアをしたい" },
  { kind: "message", label: "使い方", text: "使い方" },
];

export function welcomeMessages(): Message[] {
  return [
    text("友だち追加ありがとうございます。ささえあいLINEです。"),
    text(
      "近くのサロンや体操、お弁当の配達などの生活のサービス、相談窓口をお探しします。\n下のボタンを押すか、「蓮根のサロン」のように送ってください。",
      MAIN_MENU,
    ),
  ];
}

export function helpMessages(): Message[] {
  return [
    text(
      "知りたいことを短く送ってください。\n例：「蓮根のサロン」「月曜日の体操」「お弁当の配達」\n位置情報を送ると、近い場所をお知らせします。",
      MAIN_MENU,
    ),
  ];
}

export function greetingMessages(): Message[] {
  return [text("こんにちは。ささえあいLINEです。何をお探しですか？", MAIN_MENU)];
}

export function thanksMessages(): Message[] {
  return [text("どういたしまして。またいつでも聞いてください。", MAIN_MENU)];
}

export function unsupportedMessages(): Message[] {
  return [text("ありがとうございます。写真やスタンプなどは読み取れません。文字か位置情報で送ってください。", MAIN_MENU)];
}

export function tooLongMessages(): Message[] {
  return [text("メッセージが長すぎて読み取れませんでした。短く分けて送ってください。", MAIN_MENU)];
}

export function unknownMessages(): Message[] {
  return [text("すみません、うまく読み取れませんでした。下のボタンから選ぶか、「サロン」「体操」のように短く送ってください。", MAIN_MENU)];
}

/** もしかして：… — the likeliest meanings as buttons, instead of a dead end. */
export function clarifyMessages(candidates: { intent: string; label: string }[]): Message[] {
  return [
    text("すみません、はっきり読み取れませんでした。\nもしかして、次のどれかですか？", [
      ...candidates.map((c): QuickReplyChoice => ({ kind: "postback", label: c.label, action: "clarify", params: { i: c.intent }, displayText: c.label })),
      { kind: "message", label: "どれでもない", text: "使い方" },
    ]),
  ];
}

export function expiredButtonMessages(): Message[] {
  return [text("このボタンは使えなくなりました。もう一度お試しください。", MAIN_MENU)];
}

export function comingSoonMessages(): Message[] {
  return [text("その機能は準備中です。もうしばらくお待ちください。", MAIN_MENU)];
}

export function apologyMessages(): Message[] {
  return [text("申し訳ありません。うまく処理できませんでした。少し時間をおいて、もう一度お試しください。")];
}

export function flowExpiredMessages(): Message[] {
  return [text("前回の手続きは時間がたったため終了しました。必要でしたら、もう一度はじめからお願いします。")];
}

export function cancelledMessages(): Message[] {
  return [text("やめました。ほかに知りたいことがあれば送ってください。", MAIN_MENU)];
}

export function nothingToCancelMessages(): Message[] {
  return [text("いま進めている手続きはありません。", MAIN_MENU)];
}

/** In a group chat or room: once, politely, that the bot works in a one-to-one chat. Nothing personal. */
export function groupChatMessages(accountName: string, addFriendUrl: string): Message[] {
  const link = addFriendUrl ? `\n友だち追加はこちらから：${addFriendUrl}` : "";
  return [text(`${accountName}は、1対1のトークでご利用いただけます。グループではお答えできませんので、友だち追加をして、1対1のトークで話しかけてください。${link}`)];
}
