import { createRequire } from "node:module";
import { closeJapaneseSpaces, fold, foldStep, isKana, isKanji, normalize, toHiragana, toKatakana } from "./normalize.js";
import { shapeOf, type Shape } from "./shape.js";
import type { Token, Tokenizer } from "./tokenizer.js";

/**
 * Matching dictionary terms against a resident's text, three ways:
 *  1. the term's written form inside the normalised text (体操 in 体操教室);
 *  2. the term's folded kana reading inside the folded reading of the parts
 *     of the text that were typed in kana (たいそお, かよいのば, ｻﾛﾝ), which
 *     kuromoji often splits badly, so this works on the string, not tokens;
 *  3. the same reading over kanji text only when the kanji agree, so 買物
 *     finds 買い物 but 前の日 never finds the area 前野;
 *  4. the term's dictionary forms inside the text's dictionary forms, so a
 *     term written in one form finds the verb in any other: 抜けたい finds
 *     抜けようと思います and 抜けさせて, 外れる finds 外れたい (see lemmasOf).
 */

export interface Term {
  /** The written form, normalised. */
  text: string;
  /** Folded katakana reading; empty when the term should match only as written. */
  reading: string;
  /** Kanji of the written form, in order (for rule 3). */
  kanji: string;
  /** Long enough (in kana, before folding) to be matched by reading at all. */
  readable: boolean;
  /**
   * For a kanji word whose folded reading is too short to match (送迎 ソウゲイ → ソゲ, 掃除 → ソジ): its
   * katakana reading as it is, matched only over whole kana words (see TermIndex); else empty.
   */
  exact: string;
  /** The written form in dictionary forms (see lemmasOf), for terms ending on a verb or adjective; else empty. */
  lemma: string;
  weight: number;
  /** Its number in the TermIndex that holds it (set by TermIndex.add), so a lookup is one array read. */
  id?: number;
}

export interface Analysed {
  original: string;
  /** Normalised with the writer's spaces kept (げつ すい きん). */
  spaced: string;
  normalized: string;
  tokens: Token[];
  /** Folded reading of the whole text. */
  folded: string;
  /** The text in dictionary forms (see lemmasOf). */
  lemmas: string;
  /** What the last clause does (see shape.ts). */
  shape: Shape;
  /** Offsets in `normalized` where a token starts, and where one ends. */
  tokenStarts: Set<number>;
  tokenEnds: Set<number>;
  /** For each character of `normalized`, the index of the token it is in. */
  tokenAt: number[];
  /** For each character of `folded`, the index of the token it came from. */
  tokenOf: number[];
  /** Tokens that start a part the writer spaced apart (たいそうの in やってる たいそうの かい). */
  partStarts: Set<number>;
  /** Per token: typed in kana (or kana-like symbols) only. */
  kanaToken: boolean[];
  /** Per token: its kanji characters. */
  tokenKanji: string[];
  /** Characters present in the normalised text and in the folded reading, to skip terms quickly. */
  chars: Set<string>;
  /** Longest run of folded characters typed in kana (fuzzy matching needs a long one). */
  longestKanaRun: number;
}

/** Terms whose reading is shorter than this match only as written: short kana strings hide inside other words. */
export const MIN_READING_LENGTH = 3;

const ALL_KANA = /^[\u3041-\u3096\u30a1-\u30fa\u30fc]+$/;
const NOT_KANJI = /[^\u3400-\u9fff\uf900-\ufaff々〆]/g;

export function analyse(tokenizer: Tokenizer, text: string): Analysed {
  const spaced = normalize(text);
  const normalized = closeJapaneseSpaces(spaced);
  // Words spaced out as on a postcard are joined for matching, but each part is
  // tokenized on its own: the space is where the writer saw a word end, and
  // joining first lets the tokenizer cut across it (配しょく はすね → 配し|ょくはすね).
  const { tokens, partStarts } = normalized === spaced ? { tokens: tokenizer.tokenize(normalized), partStarts: new Set<number>() } : tokenizeParts(tokenizer, spaced, normalized);
  // Romaji typed with the keyboard left in Latin mode (narimasu, taisou, yoga) is read as the kana it spells.
  const romaji = tokens.map((t) => romajiReading(t.surface));
  const kanaToken = tokens.map((t, i) => ALL_KANA.test(t.surface) || romaji[i] !== undefined);
  const tokenKanji = tokens.map((t) => t.surface.replace(NOT_KANJI, ""));
  // Fold across token boundaries (たいそ|お), remembering where each kept character came from.
  const out: string[] = [];
  const tokenOf: number[] = [];
  let prevVowel = "";
  tokens.forEach((t, i) => {
    const r = romaji[i] ?? (kanaToken[i] ? toKatakana(t.surface) : t.reading);
    // A word the writer spaced apart, or one after the particle を, starts afresh: its first ウ is no long
    // vowel of the word before (うたを うたう holds 歌う, not うたお|たう).
    if (partStarts.has(i) || tokens[i - 1]?.surface === "を") prevVowel = "";
    for (const raw of r) {
      const [c, vowel] = foldStep(raw, prevVowel);
      prevVowel = vowel;
      if (c) {
        out.push(c);
        tokenOf.push(i);
      }
    }
  });
  const folded = out.join("");
  const chars = new Set<string>([...normalized, ...folded]);
  let longestKanaRun = 0;
  let run = 0;
  for (let i = 0; i < folded.length; i++) {
    run = kanaToken[tokenOf[i]] ? run + 1 : 0;
    if (run > longestKanaRun) longestKanaRun = run;
  }
  const tokenStarts = new Set<number>();
  const tokenEnds = new Set<number>();
  const tokenAt: number[] = [];
  let offset = 0;
  tokens.forEach((t, i) => {
    tokenStarts.add(offset);
    for (let k = 0; k < t.surface.length; k++) tokenAt.push(i);
    offset += t.surface.length;
    tokenEnds.add(offset);
  });
  return { tokenStarts, tokenEnds, tokenAt, original: text, spaced, normalized, tokens, folded, tokenOf, partStarts, kanaToken, tokenKanji, chars, longestKanaRun, lemmas: lemmasOf(tokens), shape: shapeOf(shapeTokens(tokenizer, text, spaced, normalized, tokens)) };
}

const HALF_WIDTH_KANA = /[\uff66-\uff9f]/u;
const ALL_KATAKANA = /^[\u30a1-\u30fa\u30fc\s、。!?！？]+$/u;

/**
 * Half-width katakana is how some phones type kana (ﾃﾂﾀﾞｲ ﾀﾉﾐﾀｲ): kuromoji cuts such katakana into unknown nouns,
 * so a message typed all that way has its shape read from the same words in hiragana (てつだい たのみたい: a request).
 */
function shapeTokens(tokenizer: Tokenizer, text: string, spaced: string, normalized: string, tokens: Token[]): Token[] {
  if (!HALF_WIDTH_KANA.test(text) || !ALL_KATAKANA.test(normalized)) return tokens;
  const hiragana = toHiragana(normalized);
  return normalized === spaced ? tokenizer.tokenize(hiragana) : tokenizeParts(tokenizer, toHiragana(spaced), hiragana).tokens;
}

// Endings that do not change which action is meant: 〜ます, 〜です, 〜た, 〜う (抜けよう). 〜たい does
// (手伝いたい offers help, お手伝いできません declines it): it stays, as たい in every form.
const NEUTRAL_ENDINGS = new Set(["ます", "です", "た", "う", "だ"]);
const NEGATION_ENDINGS = new Set(["ない", "ん", "ぬ", "ず"]);
const TE = new Set(["て", "で"]);
const AFTER_TE = new Set(["しまう", "ちまう", "おく"]);
const CAUSATIVE = new Set(["せる", "させる"]);
const HUMBLE_RECEIVING = new Set(["いただく", "いただける", "頂く", "頂ける", "もらう", "もらえる", "貰う", "貰える"]);
const OBJECT_PARTICLES = new Set(["を", "は", "が", "も"]);
// 〜ておく and 〜でおく said short (やめとく, 読んどく), which kuromoji cuts as a helping verb とく or どく.
const CONTRACTED_OKU = new Set(["とく", "どく"]);
// ちゃう and じゃう, which kuromoji cuts as ちゃ + い(る).
const CHA = new Set(["ちゃ", "じゃ"]);

/**
 * After the そう of 行けそう at i: how many tokens more make 〜そうにない, 〜そうもない or 〜そうにありません
 * (に/も, then ない; or ある, ます and a negation), else 0.
 */
function unlikelyLength(tokens: Token[], i: number): number {
  const [particle, verb, polite, negation] = [tokens[i + 1], tokens[i + 2], tokens[i + 3], tokens[i + 4]];
  if (particle?.surface !== "に" && particle?.surface !== "も") return 0;
  if (verb?.base === "ない") return 2;
  if (verb?.base !== "ある") return 0;
  if (polite?.base === "ない") return 3;
  return polite?.base === "ます" && NEGATION_ENDINGS.has(negation?.base ?? "") ? 4 : 0;
}

/**
 * A text with each verb and adjective in its dictionary form, the endings
 * that do not change the action dropped and every negation written ない:
 * 抜けたかったです → 抜けるたい, 行けません → 行けるない, 外れさせて → 外れるさせるて.
 */
export function lemmasOf(tokens: Token[]): string {
  let out = "";
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.pos === "助動詞" && NEUTRAL_ENDINGS.has(t.base)) continue;
    // 〜てしまう, 〜ちゃう, 〜ておく add a feeling or a time, not another action: いなくなってしまいたい
    // is いなくなりたい, 消しておいて is 消して.
    const next = tokens[i + 1];
    if (t.pos === "助詞" && next?.pos === "動詞" && next.detail === "非自立" && ((TE.has(t.base) && AFTER_TE.has(next.base)) || (CHA.has(t.base) && next.base === "いる"))) {
      i++;
      continue;
    }
    // 〜とく, 〜どく are 〜ておく said short: やめとく is やめる, 消しといて 消して.
    if (t.pos === "動詞" && t.detail === "非自立" && CONTRACTED_OKU.has(t.base) && (tokens[i - 1]?.pos === "動詞" || tokens[i - 1]?.pos === "助動詞")) continue;
    // 〜させていただく and 〜させてもらう are the writer doing it, humbly: 参加させていただきます is
    // 参加します, 辞めさせていただきます 辞めます (not a causative, which would change the meaning).
    const after = tokens[i + 2];
    if (t.pos === "動詞" && t.detail === "接尾" && CAUSATIVE.has(t.base) && next && TE.has(next.base) && after?.pos === "動詞" && HUMBLE_RECEIVING.has(after.base)) {
      i += 2;
      continue;
    }
    // 〜そうにない, 〜そうもない, 〜そうにありません (not likely to): the negation of the verb before it.
    const prev = tokens[i - 1];
    const unlikely = t.surface === "そう" && t.pos === "名詞" && (prev?.pos === "動詞" || prev?.pos === "助動詞") ? unlikelyLength(tokens, i) : 0;
    if (unlikely) {
      out += "ない";
      i += unlikely;
      continue;
    }
    // The object or topic marked or not (登録は取り消す, 登録を取り消す, とうろく とりけす): the same action.
    if (t.pos === "助詞" && OBJECT_PARTICLES.has(t.surface) && prev?.pos === "名詞" && (next?.pos === "動詞" || next?.pos === "形容詞")) continue;
    if (t.pos === "助動詞" && NEGATION_ENDINGS.has(t.base)) out += "ない";
    else if (t.pos === "助動詞" && t.base === "たい") out += "たい";
    else if (t.pos === "動詞" || t.pos === "形容詞") out += t.base;
    else out += t.surface;
  }
  return out;
}

/**
 * The katakana a Latin word spells as romaji (wanakana, MIT), when it spells
 * only kana: narimasu → ナリマス, yoga → ヨガ; not ok, test or salon (l and x
 * write small kana in romaji, which nobody means in a word like salon).
 */
function romajiReading(surface: string): string | undefined {
  if (surface.length < 3 || !/^[a-z]+$/.test(surface) || /[lx]/.test(surface)) return undefined;
  wanakana ??= createRequire(import.meta.url)("wanakana") as typeof import("wanakana");
  const kana = wanakana.toKana(surface);
  return wanakana.isKana(kana) ? toKatakana(kana) : undefined;
}
/** Loaded at the first Latin word, not when the app starts (the main thread only routes if the NLU thread fails). */
let wanakana: typeof import("wanakana") | undefined;

function tokenizeParts(tokenizer: Tokenizer, spaced: string, joined: string): { tokens: Token[]; partStarts: Set<number> } {
  // Split only at the spaces closeJapaneseSpaces removed; the parts then concatenate to `joined`.
  const parts: string[] = [];
  let part = "";
  let j = 0;
  for (const c of spaced) {
    if (j < joined.length && joined[j] === c) {
      part += c;
      j++;
    } else if (part) {
      parts.push(part);
      part = "";
    }
  }
  if (part) parts.push(part);
  const tokens: Token[] = [];
  const partStarts = new Set<number>();
  for (const p of parts) {
    partStarts.add(tokens.length);
    tokens.push(...tokenizer.tokenize(p));
  }
  return { tokens, partStarts };
}

export function makeTerm(text: string, reading: string | undefined, tokenizer: Tokenizer | null, weight = 1): Term {
  const written = normalize(text);
  // Only terms that end on a verb or adjective with a kanji in it, or long kana ones ending on a wish
  // (いなくなりたい finds いなくなってしまいたい), get a lemma: short kana verbs are cut unreliably.
  const lemmaWanted = /[\u3400-\u9fff]/u.test(written) || (written.length >= 5 && written.endsWith("たい"));
  const allKana = [...written].every((c) => isKana(c));
  const readFromTokens = reading === undefined && !allKana;
  // Tokenized once, for the reading, the check below and the lemma.
  const tokens = tokenizer && (readFromTokens || lemmaWanted) ? tokenizer.tokenize(written) : [];
  let kana = reading !== undefined ? toKatakana(normalize(reading)) : "";
  if (reading === undefined) {
    if (allKana) kana = toKatakana(written);
    else if (tokenizer) kana = tokens.map((t) => t.reading).join("");
  }
  const folded = /^[\u30a1-\u30fa\u30fc]+$/.test(kana) ? fold(kana) : "";
  // Folded to two kana (機能 → キノ, 傾向 → ケコ) a reading hides inside everyday words (きのう, かきくけこ).
  // Nor is a reading whose last word folds away whole readable: 困りごとの多 (ノ|オオ) would be コマリゴトノ.
  const readable = folded.length >= 3 && [...kana].length >= MIN_READING_LENGTH && !(readFromTokens && lastWordFoldsAway(tokens, folded));
  let lemma = "";
  if (tokenizer && lemmaWanted) {
    const lastContent = [...tokens].reverse().find((t) => t.pos !== "助動詞" && t.pos !== "助詞");
    if (lastContent && (lastContent.pos === "動詞" || lastContent.pos === "形容詞")) {
      const l = lemmasOf(tokens);
      // Kept even when it is the written form: 変える must find 変えたい (変えるたい).
      if ([...l].length >= 2) lemma = l;
    }
  }
  const exact = !readable && /^[\u3400-\u9fff]+$/u.test(written) && /^[\u30a1-\u30fa]{3,}$/u.test(kana) ? kana : "";
  return { text: written, reading: folded, kanji: [...written].filter(isKanji).join(""), weight, readable, exact, lemma };
}

/** The term's last word adds nothing to its folded reading (多 read オオ after の): the reading stands for less than the term. */
function lastWordFoldsAway(tokens: Token[], folded: string): boolean {
  if (tokens.length < 2 || !folded) return false;
  const before = tokens.slice(0, -1).map((t) => t.reading).join("");
  return /^[\u30a1-\u30fa\u30fc]+$/.test(before) && fold(before) === folded;
}

/**
 * A name typed in kana stands on its own: a match that starts on a verb's ending carrying on from
 * the word before (使わなく|なります) is not the area 成増 (なります), nor a kanji word read aloud.
 */
export function continuesPredicate(term: Term, a: Analysed, token: number): boolean {
  const before = a.tokens[token - 1];
  if (!before || a.partStarts.has(token) || !(before.pos === "助動詞" || before.pos === "動詞" || before.pos === "形容詞")) return false;
  const first = a.tokens[token].pos;
  return (term.kanji !== "" && term.kanji === term.text) || first === "動詞" || first === "助動詞";
}

export function readingSpanAllowed(term: Term, a: Analysed, start: number, end: number): boolean {
  const toks = new Set<number>();
  for (let i = start; i < end; i++) toks.add(a.tokenOf[i]);
  const ids = [...toks].sort((x, y) => x - y);
  if (ids.every((i) => a.kanaToken[i])) {
    // A name typed in kana stands on its own: a reading that starts inside a verb's ending carrying
    // on from the word before (使わなく|なります) is not the area 成増, nor a kanji word.
    // Nor one that starts on a particle after a word and ends inside the next: そこ|は|いくら holds no
    // 俳句 (はいく). (At the start, に|しだいに may well be 西台: kana cut wrongly.)
    const last = ids[ids.length - 1];
    // A helping verb after て is no kanji verb read aloud: なってみたい (try to become) holds no 見たい,
    // つれていく no 行く, やってくれる no 来れる.
    const head = a.tokens[ids[0]];
    const atTokenStart = start === 0 || a.tokenOf[start - 1] !== ids[0];
    if (term.kanji && atTokenStart && head.pos === "動詞" && head.detail === "非自立" && TE.has(a.tokens[ids[0] - 1]?.surface ?? "")) return false;
    const afterWord = ids[0] > 0 && !a.partStarts.has(ids[0]) && a.tokens[ids[0] - 1].pos !== "記号";
    if (afterWord && a.tokens[ids[0]].pos === "助詞" && a.tokenOf[start - 1] !== ids[0] && a.tokenOf[end] === last) return false;
    // Nor one that runs over a space the writer typed and takes a single character of the word on the
    // other side: ばしょ どこ holds no 書道 (しょ|ど). (つごうが わるく still holds 都合が悪.)
    const parts = ids.filter((i, k) => k > 0 && a.partStarts.has(i));
    if (parts.length) {
      const lastPart = a.tokenOf.indexOf(parts[parts.length - 1]);
      if (a.tokenOf[end] === last && end - lastPart <= 1) return false;
    }
    return a.tokenOf[start - 1] !== ids[0] - 1 || !continuesPredicate(term, a, ids[0]);
  }
  // Kanji involved: the span must cover whole tokens and carry exactly the term's kanji.
  if (!term.kanji) return false;
  const first = a.tokenOf.indexOf(ids[0]);
  const last = a.tokenOf.lastIndexOf(ids[ids.length - 1]);
  if (first !== start || last !== end - 1) return false;
  const spanKanji = ids.map((i) => a.tokenKanji[i]).join("");
  if (spanKanji === term.kanji) return true;
  // Part of the word in kanji and the rest in kana, as people write the kanji they
  // remember (配しょく, 食事かい, 買いもの支援): the kanji written must be the term's, in
  // order, and the kana part longer than a particle, so 前の日 still never finds 前野.
  if (!spanKanji || !isSubsequence(spanKanji, term.kanji)) return false;
  let kana = 0;
  for (const i of ids) for (const c of a.tokens[i].surface) if (isKana(c)) kana++;
  return kana >= 2;
}

function isSubsequence(part: string, whole: string): boolean {
  let at = 0;
  for (const c of part) {
    at = whole.indexOf(c, at);
    if (at < 0) return false;
    at += c.length;
  }
  return true;
}

const bigramCache = new WeakMap<Analysed, Set<string>>();
/** A term's reading in bigrams, worked out once: the fuzzy pass checks every long term against each unmatched text. */
const termBigrams = new WeakMap<Term, string[]>();
function bigramsOf(term: Term): string[] {
  let grams = termBigrams.get(term);
  if (!grams) {
    grams = [];
    for (let i = 0; i + 1 < term.reading.length; i++) grams.push(term.reading.slice(i, i + 2));
    termBigrams.set(term, grams);
  }
  return grams;
}

function kanaBigrams(a: Analysed): Set<string> {
  let set = bigramCache.get(a);
  if (!set) {
    set = new Set();
    for (let i = 0; i + 1 < a.folded.length; i++) {
      if (a.kanaToken[a.tokenOf[i]] && a.kanaToken[a.tokenOf[i + 1]]) set.add(a.folded.slice(i, i + 2));
    }
    bigramCache.set(a, set);
  }
  return set;
}

/** Levenshtein distance, stopping early once it exceeds max. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, cur[j]);
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

/**
 * One typo (a kana missing, extra or wrong) in a long term typed in kana:
 * slides the term over the kana parts of the text.
 */
export function fuzzyMatchTerm(term: Term, a: Analysed, minLength = 5): boolean {
  const L = term.reading.length;
  if (L < minLength || a.longestKanaRun < L - 1) return false;
  // One edit breaks at most two bigrams: skip terms that share too few with the text.
  const grams = kanaBigrams(a);
  let shared = 0;
  for (const g of bigramsOf(term)) if (grams.has(g)) shared++;
  if (shared < L - 3) return false;
  for (let start = 0; start < a.folded.length; start++) {
    if (!a.kanaToken[a.tokenOf[start]]) continue;
    for (const len of [L - 1, L, L + 1]) {
      const end = start + len;
      if (end > a.folded.length) continue;
      let kana = true;
      for (let i = start; i < end && kana; i++) kana = a.kanaToken[a.tokenOf[i]];
      if (!kana) continue;
      if (editDistance(a.folded.slice(start, end), term.reading, 1) <= 1) return true;
    }
  }
  return false;
}
