import { normalize } from "./normalize.js";

export interface Alias {
  text: string;
  /** In kana, when the sheet gave it: kuromoji reads many place names wrong (坂上 as さかがみ, 宮本町 as …まち). */
  reading?: string;
}

const WITH_READING = /^(.+?)\s*(?:\(\s*([ぁ-ゖァ-ヺー]+)\s*\)|\|\s*([ぁ-ゖァ-ヺー]+))$/;

/** An area's other name as written in the areas sheet: 坂上, or with its reading, 坂上（さかうえ） or 坂上|さかうえ. */
export function parseAlias(raw: string): Alias {
  const s = normalize(raw);
  const m = WITH_READING.exec(s);
  return m ? { text: m[1], reading: m[2] ?? m[3] } : { text: s };
}
