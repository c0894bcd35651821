import type { Analysed } from "./matcher.js";
import type { IntentName } from "./types.js";

/**
 * The learned fallback: a multinomial naive Bayes over character n-grams of
 * the written text and of its folded kana reading (so 体操 and たいそお share
 * features), trained from the labelled corpus and the intents' examples when
 * the router is built. Pure and deterministic; no download, no file of its own.
 * It only speaks when the rules are not confident.
 */

export interface Prediction {
  intent: IntentName;
  p: number;
}

const CONTENT = new Set(["名詞", "動詞", "形容詞"]);
/** Nouns, verbs and adjectives: the words whose dictionary forms are features. */
export const contentWords = (tokens: Analysed["tokens"]) => tokens.filter((t) => CONTENT.has(t.pos));
/** Features that can mark an intent on their own: dictionary forms of words, and written or read three-character runs. */
const KEY_FEATURE = /^(?:b.{2,}|w...|r...)$/u;

/**
 * Features of an analysed text: written 1–3-grams and reading 2–3-grams; with
 * tokens, also the dictionary forms of its content words (外れたい and 外れます
 * share 外れる) and the shape of its last clause (a request, a wish, a question).
 */
export function featuresOf(a: Pick<Analysed, "normalized" | "folded"> & Partial<Pick<Analysed, "tokens" | "shape">>): string[] {
  const out: string[] = [];
  if (a.tokens) for (const t of contentWords(a.tokens)) out.push("b" + t.base);
  if (a.shape) for (const s of a.shape.features) out.push("s" + s);
  const w = [...a.normalized.replace(/[\s、。,.!！?？・]/g, "")];
  for (let n = 1; n <= 3; n++) for (let i = 0; i + n <= w.length; i++) out.push("w" + w.slice(i, i + n).join(""));
  const r = [...a.folded];
  for (let n = 2; n <= 3; n++) for (let i = 0; i + n <= r.length; i++) out.push("r" + r.slice(i, i + n).join(""));
  return out;
}

export class NaiveBayes {
  private readonly labels: IntentName[];
  private readonly logPrior: number[];
  private readonly logLik: Map<string, Float32Array>;
  /** Words (dictionary forms) that mark one intent: in at least two of its texts and three times as often as in any other's. */
  private readonly keyWords = new Map<string, IntentName>();

  constructor(examples: { label: IntentName; features: string[] }[], alpha = 0.3) {
    this.labels = [...new Set(examples.map((e) => e.label))].sort();
    const vocab = new Set(examples.flatMap((e) => e.features));
    const counts = this.labels.map(() => new Map<string, number>());
    const totals = this.labels.map(() => 0);
    const docs = this.labels.map(() => 0);
    for (const e of examples) {
      const k = this.labels.indexOf(e.label);
      docs[k]++;
      // Each feature once per text: あああああ is not five times as much あ.
      for (const f of new Set(e.features)) {
        counts[k].set(f, (counts[k].get(f) ?? 0) + 1);
        totals[k]++;
      }
    }
    // Uniform priors: the corpus' mix of intents is not the traffic's.
    this.logPrior = this.labels.map(() => -Math.log(this.labels.length));
    this.logLik = new Map();
    // One typed array per feature: a few MB for the whole corpus, not tens of thousands of JS arrays.
    for (const f of vocab) this.logLik.set(f, Float32Array.from(this.labels, (_, k) => Math.log(((counts[k].get(f) ?? 0) + alpha) / (totals[k] + alpha * vocab.size))));
    for (const f of vocab) {
      if (!KEY_FEATURE.test(f)) continue;
      const share = this.labels.map((_, k) => (counts[k].get(f) ?? 0) / Math.max(1, docs[k]));
      const best = share.indexOf(Math.max(...share));
      if ((counts[best].get(f) ?? 0) >= 2 && share.every((s, k) => k === best || s * 3 <= share[best])) this.keyWords.set(f, this.labels[best]);
    }
  }

  /**
   * Whether the text holds a word that marks this intent. The model alone
   * decides only then: sure of itself from endings and kana alone (やまだ
   * はなこ です, それって よやく いりますか), it guessed a search.
   */
  hasKeyWord(features: string[], intent: IntentName): boolean {
    return features.some((f) => this.keyWords.get(f) === intent);
  }

  /** Posterior probabilities, highest first; features never seen in training are ignored. */
  predict(features: string[]): Prediction[] {
    const score = [...this.logPrior];
    let known = 0;
    for (const f of new Set(features)) {
      const ll = this.logLik.get(f);
      if (!ll) continue;
      known++;
      for (let k = 0; k < score.length; k++) score[k] += ll[k];
    }
    if (known === 0) return [];
    // Length-normalised, so a long sentence is not over-confident.
    const scaled = score.map((s) => s / Math.max(1, Math.sqrt(known)));
    const max = Math.max(...scaled);
    const exp = scaled.map((s) => Math.exp(s - max));
    const sum = exp.reduce((a, b) => a + b, 0);
    return this.labels.map((intent, k) => ({ intent, p: exp[k] / sum })).sort((a, b) => b.p - a.p);
  }
}
