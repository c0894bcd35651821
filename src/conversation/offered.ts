import type { Message } from "../line/messages.js";
import { fold, normalize, toKatakana } from "../nlu/normalize.js";

/**
 * Buttons typed instead of tapped. The postback buttons of the last answer are
 * remembered per person; a short message that is one of their labels (もっと見る,
 * 曜日を問わずさがす), in kana (もっとみる) or in a polite or natural variant
 * (もっと見せてください, 今はいいです), works like the tap.
 */

/** [label, postback data] pairs. */
export type Offered = [string, string][];

const MAX_OFFERED = 24;

/** The postback buttons of an answer: every Flex button, and the quick replies of its last message. */
export function offeredIn(messages: Message[]): Offered {
  const out: Offered = [];
  const walk = (n: unknown) => {
    if (!n || typeof n !== "object") return;
    const o = n as Record<string, unknown>;
    const action = o.action as { type?: string; label?: string; data?: string } | undefined;
    if (o.type === "button" && action?.type === "postback" && action.label && action.data) out.push([action.label, action.data]);
    for (const k of ["contents", "body", "footer", "header"]) if (k in o) walk(o[k]);
    if (Array.isArray(n)) n.forEach(walk);
  };
  messages.forEach((m) => walk((m as { contents?: unknown }).contents));
  const last = messages.at(-1) as { quickReply?: { items: { action: { type: string; label?: string; data?: string } }[] } } | undefined;
  for (const item of last?.quickReply?.items ?? []) {
    if (item.action.type === "postback" && item.action.label && item.action.data) out.push([item.action.label, item.action.data]);
  }
  return out.slice(0, MAX_OFFERED);
}

export function parseOffered(json: string | null | undefined): Offered {
  if (!json) return [];
  try {
    const v = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is [string, string] => Array.isArray(x) && typeof x[0] === "string" && typeof x[1] === "string") : [];
  } catch {
    return [];
  }
}

/** Only short messages can be a button's label. */
export const MAX_LABEL_TEXT = 30;

const PUNCT = /[\s、。!！?？・…〜~ー]+/g;
const TAILS = ["", "です", "ます", "します", "ください", "してください", "をお願いします", "でお願いします", "お願いします", "おねがいします", "で", "を", "て", "たい", "がいい", "にする", "や", "よ", "ね"];
const TAILS_WRITTEN = new Set(TAILS);
const TAILS_READING = new Set(TAILS.map((t) => fold(toKatakana(t))));

function clean(s: string): string {
  return normalize(s).replace(PUNCT, "");
}

/** The written form: the label, the label with a polite tail, or a verb label in another form (もっと見せて). */
export function writtenMatch(text: string, label: string): boolean {
  const t = clean(text);
  const l = clean(label);
  if (!t || !l) return false;
  if (t.startsWith(l) && TAILS_WRITTEN.has(t.slice(l.length))) return true;
  // 見る → 見せて, 見たい: the label's kanji stem and a short kana ending.
  const stem = l.replace(/[\u3041-\u3096]+$/, "");
  const rest = t.slice(stem.length);
  return stem !== l && /[\u3400-\u9fff]$/.test(stem) && [...stem].length >= 3 && t.startsWith(stem) && /^[\u3041-\u3096]{1,6}$/.test(rest) && negated(rest) === negated(l.slice(stem.length));
}

// 退会しない is not 退会する: a variant may change a verb's ending, never turn it negative.
const NEGATION_WRITTEN = /(ない|なく|ません|ず|ぬ)/;
const NEGATION_READING = new RegExp(`(${["ナイ", "ナク", "マセン", "ズ"].map((x) => fold(x)).join("|")})`);
const negated = (kana: string) => NEGATION_WRITTEN.test(kana);
const PARTICLE_START = new RegExp(`^(${["ヲ", "ガ", "ワ", "ハ", "ニ", "デ", "ノ", "モ", "ト", "ヘ"].map((x) => fold(x)).join("|")})`);

/** The folded readings: the same rules for text typed in kana. */
export function readingMatch(text: string, label: string): boolean {
  const t = text.replace(PUNCT, "");
  const l = label.replace(PUNCT, "");
  if (!t || !l || [...l].length < 2) return false;
  if (t.startsWith(l) && TAILS_READING.has(t.slice(l.length))) return true;
  let common = 0;
  while (common < t.length && common < l.length && t[common] === l[common]) common++;
  // A verb label in another form (モットミル / モットミセテ): only the last two kana differ, and
  // what the text adds is an ending, not a particle and another word (トウロクヲヤメタイ is not トウロクスル).
  const rest = t.slice(common);
  return (
    l.length >= 4 &&
    common >= Math.max(3, l.length - 2) &&
    rest.length <= 4 &&
    !PARTICLE_START.test(rest) &&
    NEGATION_READING.test(rest) === NEGATION_READING.test(l.slice(common))
  );
}
