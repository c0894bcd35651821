import { normalize } from "../nlu/normalize.js";

/** Short yes/no answers inside a flow (はい, ええ, お願いします / いいえ, やめる). */
const YES = /^(はい|ハイ|ええ|うん|お願い|おねがい|よろしく|伝えて|大丈夫|だいじょうぶ|それで|ok|オッケー|了解|同意)/;
const NO = /^(いいえ|いや|だめ|やめ|結構|けっこう|いらない|不要|キャンセル|no$)/;

export function yesNo(text: string): "yes" | "no" | null {
  const t = normalize(text).replace(/[、。!！?？\s]/g, "");
  if (NO.test(t)) return "no";
  if (YES.test(t)) return "yes";
  return null;
}
