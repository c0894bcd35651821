import { normalize } from "../nlu/normalize.js";

/**
 * Personal details a resident typed into a request (phone numbers, postal
 * codes, street addresses, room numbers), replaced by a mark before the text
 * is shown to anyone else. Pure; errs on the side of masking.
 */
const RULES: [RegExp, string][] = [
  // 090-1234-5678, 03-5932-0695, 03 5932 0695, 09012345678, +81 90 …
  [/(?:\+81[-\s]?)?(?<!\d)0\d{1,4}[-\s(（]?\d{1,4}[-\s)）]?\d{3,4}(?!\d)/g, "（電話番号）"],
  // 〒174-0046, 174-0046
  [/〒\s?\d{3}-?\d{4}|(?<![\d-])\d{3}-\d{4}(?![\d-])/g, "（郵便番号）"],
  // ハスネハイツ201号室, 201号室, ○○マンション305
  [/[\u30a0-\u30ff\u3400-\u9fff々]{0,12}\d{1,4}号室|[\u30a0-\u30ffー]{2,}(?:マンション|ハイツ|コーポ|荘|団地)?\s?\d{2,4}号?(?![\d日時月分])/g, "（住所）"],
  // 蓮根2丁目28番3号, 蓮根2-28-3, 3丁目, 5番地
  [/[\u3400-\u9fff々ヶケ]{0,8}\d{1,4}丁目(?:\s?\d{1,4}(?:番地?|-)\s?(?:\d{1,4}号?)?(?:-\d{1,4})?)?|[\u3400-\u9fff々ヶケ]{0,8}(?<![\d-])\d{1,4}-\d{1,4}(?:-\d{1,4})?(?![\d-])|\d{1,4}番地(?:\d{1,4})?|\d{1,4}番\d{1,4}号/g, "（住所）"],
];

export function maskPersonal(text: string): string {
  let t = normalize(text);
  for (const [re, mark] of RULES) t = t.replace(re, mark);
  return t;
}
