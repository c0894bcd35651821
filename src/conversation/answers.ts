import { normalize } from "../nlu/normalize.js";

/** Short yes/no answers inside a flow (はい, ええ, お願いします / いいえ, やめる). */
const YES = /^(はい|ハイ|ええ|うん|お願い|おねがい|よろしく|伝えて|大丈夫|だいじょうぶ|それで|ok|オッケー|了解|同意)/;
const NO = /^(いいえ|いや|だめ|やめ|結構|けっこう|いらない|不要|キャンセル|no$)/;
// "構わない" and "問題ない" agree although they end in ない.
const YES_NEGATIVE_FORM = /(構わな|かまわな|構いませ|かまいませ|問題な|もんだいな|差し支えな|さしつかえな)/;
// 消さない, 退会しません, 送らないで: a refusal, whatever the verb.
const NO_ENDING = /(ない|ないで|ないです|ません|ませんか?|ないでください)$/;

export function yesNo(text: string): "yes" | "no" | null {
  const t = normalize(text).replace(/[、。!！?？\s]/g, "");
  if (YES_NEGATIVE_FORM.test(t)) return "yes";
  if (NO.test(t)) return "no";
  if (YES.test(t)) return "yes";
  if (NO_ENDING.test(t)) return "no";
  return null;
}

/**
 * The answer to a confirmation whose buttons name the action (退会する / 退会しない,
 * 消す / 消さない): typed, the action's own words (in kana too) count as yes,
 * their negative as no, and so do the ordinary yes/no words.
 */
export function confirmAnswer(text: string, actionWords: RegExp): "yes" | "no" | null {
  const answer = yesNo(text);
  if (answer) return answer;
  const t = normalize(text).replace(/[、。!！?？\s]/g, "");
  return actionWords.test(t) ? "yes" : null;
}
