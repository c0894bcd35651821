/**
 * Text normalisation before tokenizing, and the kana folding that lets
 * kana-only input with typos match dictionary words.
 */

// CJK Radicals Supplement look-alikes that PDF copy-paste produces; NFKC leaves them alone.
const RADICALS: Record<string, string> = {
  "⺠": "民", "⻑": "長", "⻄": "西", "⻘": "青", "⻭": "歯", "⻝": "食", "⻤": "鬼", "⻩": "黄", "⻲": "亀", "⺟": "母", "⻍": "辶", "⻖": "阝", "⺅": "亻", "⻆": "角", "⻁": "虎", "⻨": "麦", "⻫": "斉", "⻯": "竜",
};
const RADICAL_RE = new RegExp(`[${Object.keys(RADICALS).join("")}]`, "g");
const WAVE_RE = /[~〜～〰∼]/g;
const DASH_AFTER_KANA = /([ァ-ヶぁ-ゖ])[-‐‑–—―−ｰ─━]/g;
const EMOJI_RE = /\p{Extended_Pictographic}|[\u{1F3FB}-\u{1F3FF}\u{FE0F}\u{200D}\u{20E3}]/gu;
const CONTROL_RE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B-\u200F\u2028\u2029\uFEFF]/g;

const KANJI_DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 十二 → 12, 二十一 → 21, 三 → 3, 十 → 10 (up to 99, which is all dates and times need). */
export function kanjiToNumber(s: string): number | null {
  if (!/^[〇零一二三四五六七八九十]+$/.test(s)) return null;
  if (!s.includes("十")) {
    return Number([...s].map((c) => KANJI_DIGITS[c]).join(""));
  }
  const [tens, ones] = s.split("十");
  if (tens.length > 1 || ones.length > 1) return null;
  return (tens ? KANJI_DIGITS[tens] : 1) * 10 + (ones ? KANJI_DIGITS[ones] : 0);
}

/** Kanji numerals in dates, times and ordinals only (十二月三日, 第二, 三時): 一人 stays 一人. */
function kanjiNumerals(s: string): string {
  return s
    .replace(/第([〇一二三四五六七八九十]+)/g, (m, n) => {
      const v = kanjiToNumber(n);
      return v === null ? m : `第${v}`;
    })
    .replace(/([〇一二三四五六七八九十]+)(?=[月日時分回週])/g, (m, n, offset, whole) => {
      // 毎日, 一日中 and the like stay as they are: only numbers that follow no other kanji numeral context.
      if (n === "一" && whole[offset + 1] === "日" && whole[offset + 2] === "中") return m;
      const v = kanjiToNumber(n);
      return v === null ? m : String(v);
    });
}

// A romaji "n" left behind by the input method after kana (さろn, はいしょくさーびs is beyond help): it was ん.
const STRAY_N = /([\u3041-\u3096])n(?![a-z])/g;
const STRAY_N_KATAKANA = /([\u30a1-\u30fa\u30fc])n(?![a-z])/g;

export function normalize(text: string): string {
  return kanjiNumerals(
    text
      .replace(CONTROL_RE, " ")
      .replace(RADICAL_RE, (c) => RADICALS[c])
      .normalize("NFKC")
      .replace(EMOJI_RE, " ")
      .replace(WAVE_RE, "〜")
      .replace(DASH_AFTER_KANA, "$1ー")
      .toLowerCase()
      .replace(STRAY_N, "$1ん")
      .replace(STRAY_N_KATAKANA, "$1ン"),
  )
    .replace(/\s+/g, " ")
    .replace(KANSAI_IRREGULAR, (m) => KANSAI_IRREGULAR_STANDARD[m])
    .replace(KANSAI_NEGATION, "$1ない")
    .trim();
}

// Western Japan's negation, written as spoken: 行けへん, わからへん, できひん, せえへん are 行けない,
// わからない, できない, しない, so every rule written with ない reads them. Only after a verb's stem
// (an e- or a-row kana, or a kanji: 来へん), and never ここらへん (around here) or たいへん (大変).
const KANSAI_IRREGULAR_STANDARD: Record<string, string> = { できひん: "できない", せえへん: "しない", せーへん: "しない", しいひん: "しない", こーへん: "こない", けーへん: "こない", きいひん: "こない", きーひん: "こない" };
const KANSAI_IRREGULAR = new RegExp(Object.keys(KANSAI_IRREGULAR_STANDARD).join("|"), "g");
const KANSAI_NEGATION = /(?<!こ|そこ|あそこ|ど|どこ)([えけげせぜてでねへべぺめれかがさたなばまらわ\u3400-\u9fff])へん(?![\u3400-\u9fff])/g;

const JAPANESE = "\\u3041-\\u3096\\u30a1-\\u30fa\\u30fc\\u3400-\\u9fff\\uf900-\\ufaff々〆、。";
const SPACE_BETWEEN_JAPANESE = new RegExp(`(?<=[${JAPANESE}]) (?=[${JAPANESE}])`, "g");

/**
 * Spaces between Japanese words dropped (ごはん を とどけて → ごはんをとどけて):
 * many older people space their words as on a postcard, and Japanese needs
 * none, but a space splits a dictionary word or phrase. Spaces next to
 * letters or digits stay (SC登録 ABCD, 12月3日 13:30). Expects normalised text.
 */
export function closeJapaneseSpaces(normalized: string): string {
  return normalized.includes(" ") ? normalized.replace(SPACE_BETWEEN_JAPANESE, "") : normalized;
}

export function toKatakana(s: string): string {
  return s.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
}

export function toHiragana(s: string): string {
  return s.replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
}

export const isKana = (c: string) => /[\u3041-\u3096\u30a1-\u30fa\u30fc]/.test(c);
export const isKanji = (c: string) => /[\u3400-\u9fff\uf900-\ufaff々〆]/.test(c);

const SMALL: Record<string, string> = { ァ: "ア", ィ: "イ", ゥ: "ウ", ェ: "エ", ォ: "オ", ャ: "ヤ", ュ: "ユ", ョ: "ヨ", ッ: "ツ", ヮ: "ワ", ヵ: "カ", ヶ: "ケ" };
const VOICED_ALIKE: Record<string, string> = { ヂ: "ジ", ヅ: "ズ", ヲ: "オ", ヴ: "ブ" };

const ROWS: [string, string][] = [
  ["ア", "アカサタナハマヤラワガザダバパャ"],
  ["イ", "イキシチニヒミリギジヂビピ"],
  ["ウ", "ウクスツヌフムユルグズヅブプュ"],
  ["エ", "エケセテネヘメレゲゼデベペ"],
  ["オ", "オコソトノホモヨロゴゾドボポョ"],
];
const VOWEL_OF = new Map<string, string>();
for (const [v, cs] of ROWS) for (const c of cs) VOWEL_OF.set(c, v);

/**
 * A loose katakana key for matching what older people type: small kana
 * written large (しよくじ), long vowels spelt any way (たいそお, さーろん,
 * えいが/ええが), ヂ/ジ and ヅ/ズ alike. Applied to both sides of a match.
 */
export function fold(katakana: string): string {
  let out = "";
  let prevVowel = "";
  for (const raw of katakana) {
    const [c, vowel] = foldStep(raw, prevVowel);
    out += c;
    prevVowel = vowel;
  }
  return out;
}

/** One character of fold(): what it becomes ("" when dropped) and the vowel to remember. */
export function foldStep(raw: string, prevVowel: string): [string, string] {
  const c = SMALL[raw] ?? VOICED_ALIKE[raw] ?? raw;
  if (c === "ー") return ["", prevVowel];
  const isVowel = c === "ア" || c === "イ" || c === "ウ" || c === "エ" || c === "オ";
  if (isVowel && prevVowel && (c === prevVowel || (prevVowel === "オ" && c === "ウ") || (prevVowel === "エ" && c === "イ"))) {
    return ["", prevVowel];
  }
  return [c, VOWEL_OF.get(c) ?? ""];
}

/**
 * Weekday names as people type them, in kana or half kana (もくよう, 土よう日,
 * げつようび, すい曜), rewritten to kanji with 曜 (木曜, 土曜, 月曜, 水曜), so
 * every reader of weekdays (searches, availability, meetings) needs one rule.
 * 火曜 and 土曜 in kana need び (かよう is also 通う, どよ hides in ちょうどよい).
 */
const KANA_WEEKDAY = /(げつ|げっ|ゲツ|すい|スイ|もく|モク|きん|キン|にち|ニチ)(?:よ[うお]|ヨウ)(?:び|ビ|日)?|(か|カ|ど|ド)(?:よ[うお]|ヨウ)(?:び|ビ|日)|(げつ|げっ|か|すい|もく|きん|ど|にち)曜/g;
const KANA_WEEKDAY_KANJI: Record<string, string> = { げつ: "月", げっ: "月", すい: "水", もく: "木", きん: "金", にち: "日", か: "火", ど: "土" };
const MIXED_WEEKDAY = /([月火水木金土日])(?:よ[うお]|ヨウ)(?:び|ビ|日)|([月火木金土])(?:よ[うお])(?=[はのにとやもで、・,]|$)/g;

export function weekdaysToKanji(text: string): string {
  if (!/[ぁ-んァ-ン]/.test(text)) return text;
  return text
    .replace(KANA_WEEKDAY, (_m, a?: string, b?: string, c?: string) => `${KANA_WEEKDAY_KANJI[toHiragana(a ?? b ?? c ?? "")]}曜`)
    .replace(MIXED_WEEKDAY, (_m, a?: string, b?: string) => `${a ?? b}曜`);
}

/** Day numbers read in kana (みっか): only after a month, where they cannot be another word (なのか, いつか). */
const KANA_DAYS: Record<string, number> = { ついたち: 1, ふつか: 2, みっか: 3, よっか: 4, いつか: 5, むいか: 6, なのか: 7, ようか: 8, ここのか: 9, とおか: 10, はつか: 20 };
const KANA_DAY_AFTER_MONTH = new RegExp(`月\\s*の?\\s*(${Object.keys(KANA_DAYS).join("|")})`);

/** 12がつ3にち, 12がつ みっか → 12月3日 (digits with kana counters, as typed on a phone). */
export function kanaDatesToKanji(text: string): string {
  return text
    .replace(/(\d{1,2})\s*がつ/g, "$1月")
    .replace(/(\d{1,2})\s*にち/g, "$1日")
    .replace(KANA_DAY_AFTER_MONTH, (_m, w: string) => `月${KANA_DAYS[w]}日`);
}
