import { toKatakana } from "./normalize.js";
import { continuesPredicate, readingSpanAllowed, type Analysed, type Term } from "./matcher.js";

/**
 * All dictionary terms in two Aho-Corasick automata (written forms, and
 * folded readings), so one pass over a message finds every term in it,
 * however large the vocabulary grows.
 */
class Automaton {
  // Transitions keyed by UTF-16 code unit: number keys hash for free, where a
  // one-character string of Japanese is a fresh string to hash at every step.
  private next: Map<number, number>[] = [new Map()];
  private fail: number[] = [0];
  private out: number[][] = [[]];

  add(pattern: string, id: number): void {
    let s = 0;
    for (let k = 0; k < pattern.length; k++) {
      const c = pattern.charCodeAt(k);
      let n = this.next[s].get(c);
      if (n === undefined) {
        n = this.next.length;
        this.next.push(new Map());
        this.fail.push(0);
        this.out.push([]);
        this.next[s].set(c, n);
      }
      s = n;
    }
    this.out[s].push(id);
  }

  build(): void {
    const queue: number[] = [];
    for (const n of this.next[0].values()) queue.push(n);
    while (queue.length) {
      const s = queue.shift()!;
      for (const [c, n] of this.next[s]) {
        queue.push(n);
        let f = this.fail[s];
        while (f !== 0 && !this.next[f].has(c)) f = this.fail[f];
        const g = this.next[f].get(c);
        this.fail[n] = g !== undefined && g !== n ? g : 0;
        this.out[n] = this.out[n].concat(this.out[this.fail[n]]);
      }
    }
  }

  /** Calls back with (id, end index exclusive, in UTF-16 units) for every occurrence. */
  scan(text: string, hit: (id: number, end: number) => void): void {
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      let n = this.next[s].get(c);
      while (n === undefined && s !== 0) {
        s = this.fail[s];
        n = this.next[s].get(c);
      }
      s = n ?? 0;
      const out = this.out[s];
      for (let k = 0; k < out.length; k++) hit(out[k], i + 1);
    }
  }
}

const HIRAGANA = /^[\u3041-\u309fー]+$/u;
function hiraganaOnly(a: Analysed, first: number, last: number): boolean {
  for (let i = first; i <= last; i++) if (!HIRAGANA.test(a.tokens[i].surface)) return false;
  return true;
}

const NEGATED_AFTER = /^(?:に|も)(?:ない|ありません|ありませ|なかった)/;
/** Where token i ends in `normalized`. */
function endOffset(a: Analysed, i: number): number {
  let end = 0;
  for (let k = 0; k <= i; k++) end += a.tokens[k].surface.length;
  return end;
}

/** What a verb's dictionary form may be followed by in `Analysed.lemmas` that turns it into another meaning. */
const CHANGES_MEANING = ["ない", "れる", "られる", "せる", "させる"];

export class TermIndex {
  private readonly terms: Term[] = [];
  private readonly written = new Automaton();
  private readonly reading = new Automaton();
  private readonly lemma = new Automaton();
  private readonly exact: Term[] = [];
  private built = false;

  add(term: Term): void {
    if (this.has(term)) return;
    const id = this.terms.length;
    term.id = id;
    this.terms.push(term);
    if (term.text) this.written.add(term.text, id);
    if (term.readable) this.reading.add(term.reading, id);
    if (term.lemma) this.lemma.add(term.lemma, id);
    if (term.exact) this.exact.push(term);
    this.built = false;
  }

  /** Which terms occur in the analysed text: found[id(term)] is true. */
  scan(a: Analysed): (term: Term) => boolean {
    if (!this.built) {
      this.written.build();
      this.reading.build();
      this.lemma.build();
      this.built = true;
    }
    const found = new Uint8Array(this.terms.length);
    // Where each match lies, in tokens, to tell a word typed in kana from a part of a longer one.
    const spans: { id: number; first: number; last: number; inner: boolean }[] = [];
    this.written.scan(a.normalized, (id, end) => {
      const t = this.terms[id];
      const start = end - t.text.length;
      // A one-character term is a word of its own, not part of another (所 is not in 近所, 朝 not in 朝食).
      if (t.text.length === 1 && !(a.tokenStarts.has(start) && a.tokenEnds.has(end))) return;
      // A kana name inside a verb's ending (使わなくなります is not 成増, なります).
      if (t.kanji === "" && a.tokenStarts.has(start) && continuesPredicate(t, a, a.tokenAt[start])) return;
      // A verb or a 〜そう then negated (行けそう|にない, 出られそう|もない) means the opposite.
      if ((t.lemma || t.text.endsWith("そう")) && NEGATED_AFTER.test(a.normalized.slice(end, end + 8))) return;
      // A short kana word ends where a word ends: そうじ is not in そうじゃね (that's right, isn't it).
      if (t.text.length <= 3 && t.kanji === "" && !a.tokenEnds.has(end) && HIRAGANA.test(t.text)) return;
      const first = a.tokenAt[start];
      const last = a.tokenAt[end - 1];
      spans.push({ id, first, last, inner: hiraganaOnly(a, first, last) });
    });
    this.reading.scan(a.folded, (id, end) => {
      const t = this.terms[id];
      const start = end - t.reading.length;
      if (!readingSpanAllowed(t, a, start, end)) return;
      const first = a.tokenOf[start];
      const last = a.tokenOf[end - 1];
      if (t.lemma || t.text.endsWith("そう")) {
        const after = endOffset(a, last);
        if (NEGATED_AFTER.test(a.normalized.slice(after, after + 8))) return;
      }
      spans.push({ id, first, last, inner: hiraganaOnly(a, first, last) });
    });
    if (this.exact.length) this.scanExact(a, spans);
    // Hiragana typed as one word holds others inside it (しょくじかい, 食事会, holds じかい, 次回): a
    // hiragana match that starts inside a longer match and ends within it is part of that word, not one
    // of its own. (Katakana and kanji are words as written: コーディネーター in 生活支援コーディネーター. And a
    // longer match that starts on a particle may be words cut wrongly: そこ|は|いくら is not 俳句 holding いくら.)
    for (const s of spans) {
      if (found[s.id]) continue;
      if (s.inner && spans.some((o) => o.first < s.first && o.last >= s.last && a.tokens[o.first].pos !== "助詞")) continue;
      found[s.id] = 1;
    }
    this.lemma.scan(a.lemmas, (id, end) => {
      if (found[id]) return;
      const t = this.terms[id];
      // 行ける must not find 行けない, nor 開く 開かれる: a negation, a passive or a causative right after
      // is another meaning, unless the term has it too.
      const after = CHANGES_MEANING.find((x) => a.lemmas.startsWith(x, end));
      if (after && !t.lemma.endsWith(after)) return;
      found[id] = 1;
    });
    // The router asks about every term it knows: one array read each.
    return (term) => this.has(term) && found[term.id!] === 1;
  }

  /**
   * Kanji words whose folded reading is too short to look for (送迎 → ソゲ), typed in kana as they
   * are read (そうげい, そうじ, いどう): found over whole kana tokens, two or more, so a word the
   * dictionary knows on its own (きのう, yesterday, not 機能) or a phrase ending in a particle
   * (そうさ, that's right, not 操作) is not taken for them.
   */
  private scanExact(a: Analysed, spans: { id: number; first: number; last: number; inner: boolean }[]): void {
    let text = "";
    const startOf: number[] = [];
    const tokenAtChar: number[] = [];
    a.tokens.forEach((t, i) => {
      startOf.push(text.length);
      // A token not typed in kana is a wall the match cannot cross.
      const r = a.kanaToken[i] && !a.partStarts.has(i) ? toKatakana(t.surface) : a.kanaToken[i] ? `\u0000${toKatakana(t.surface)}` : "\u0000";
      for (let k = 0; k < r.length; k++) tokenAtChar.push(i);
      text += r;
    });
    for (const term of this.exact) {
      for (let at = text.indexOf(term.exact); at >= 0; at = text.indexOf(term.exact, at + 1)) {
        const first = tokenAtChar[at];
        const last = tokenAtChar[at + term.exact.length - 1];
        const end = at + term.exact.length;
        if (startOf[first] !== at && !(text[startOf[first]] === "\u0000" && startOf[first] + 1 === at)) continue;
        if ((startOf[last + 1] ?? text.length) !== end) continue;
        if (first === last || a.tokens[last].detail.includes("終助詞")) continue;
        spans.push({ id: term.id!, first, last, inner: true });
      }
    }
  }

  /** Whether this index holds the term (a term of another router's index has another number here). */
  private has(term: Term): boolean {
    return term.id !== undefined && this.terms[term.id] === term;
  }
}
