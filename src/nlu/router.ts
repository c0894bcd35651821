import { parseAlias } from "./alias.js";
import { analyse, fuzzyMatchTerm, makeTerm, type Analysed, type Term } from "./matcher.js";
import { TermIndex } from "./term-index.js";
import type { Nlu } from "./nlu.js";
import { extractAttending, extractDate, extractNearby, extractTimeOfDay, extractWeekdays, type WeekdayTerms } from "./slots.js";
import type { Tokenizer } from "./tokenizer.js";
import type { IntentName, RouteResult, Slots, TimeOfDay } from "./types.js";
import type { CategorySpec, TermSpec, Vocabulary } from "./vocabulary.js";
import { firstChars } from "../util/chars.js";
import { fold } from "./normalize.js";
import { contentWords, featuresOf, NaiveBayes, type Prediction } from "./learned.js";
import type { ShapeFeature } from "./shape.js";

/** The learned fallback decides alone only when clear; otherwise it offers these many meanings as buttons. */
const ACCEPT_LEARNED = 0.45;
/** The model's own probability at which it decides when the rules saw nothing sure. */
const ACCEPT_LEARNED_ALONE = 0.6;
const ACCEPT_MARGIN = 0.15;
const OFFER_MIN = 0.2;
const MAX_CANDIDATES = 3;

/**
 * Scores every intent from its cues (terms found in the text) and from the
 * slots the text fills, and picks the best one above the threshold.
 */

export interface AreaEntry {
  name: string;
  reading: string;
  aliases: string[];
}

interface CompiledCue {
  weight: number;
  terms: Term[];
  with?: Term[];
  without?: Term[];
}

interface CompiledIntent {
  intent: IntentName;
  whole: Term[];
  priority: boolean;
  requires: string[];
  slots: Set<string>;
  boosts: { categoryKind: Record<string, number>; slots: Record<string, number> };
  slotBoosts: [string, number][];
  shapeBoosts: [ShapeFeature, number][];
  cues: CompiledCue[];
}

interface CompiledCategory {
  key: string;
  kind: CategorySpec["kind"];
  terms: Term[];
  together: { terms: Term[]; with: Term[] }[];
}

export interface Explanation extends RouteResult {
  tokens: string[];
  folded: string;
  scores: { intent: IntentName; score: number; cues: string[] }[];
  categoryScores: Record<string, number>;
  shape: ShapeFeature[];
}

export class Router implements Nlu {
  private readonly intents: CompiledIntent[];
  private readonly categories: CompiledCategory[];
  /** Each area's name and reading, then its aliases (from index `aliasesFrom` on). */
  private areas: { name: string; terms: Term[]; aliasesFrom: number }[] = [];
  private readonly nearby: Term[];
  private readonly free: Term[];
  private readonly timeOfDay: Record<TimeOfDay, Term[]>;
  private readonly attending: { yes: Term[]; no: Term[] };
  private readonly residence: { self: Term[]; other: Term[] };
  private readonly followUp: [NonNullable<Slots["followUp"]>, Term[]][];
  private readonly weekdayTerms: WeekdayTerms;
  private readonly termCache = new Map<string, Term>();
  private readonly index = new TermIndex();
  /** The learned fallback, when the vocabulary brings training utterances. */
  private readonly model?: NaiveBayes;
  /** Intents that may be offered as "もしかして" buttons, with their labels. */
  private readonly offerable: Map<IntentName, string>;

  constructor(
    private readonly tokenizer: Tokenizer,
    private readonly vocab: Vocabulary,
    areas: AreaEntry[],
    private timeZone: string,
  ) {
    const t = (s: TermSpec) => this.term(s.text, s.reading, s.weight);
    this.intents = vocab.intents.map((i) => ({
      intent: i.intent,
      slots: new Set(i.slots),
      boosts: i.boosts,
      slotBoosts: Object.entries(i.boosts.slots),
      shapeBoosts: Object.entries(i.boosts.shape) as [ShapeFeature, number][],
      whole: i.whole.map((w) => this.term(w.text, w.reading, w.weight)),
      priority: i.priority,
      requires: i.requires,
      cues: i.cues.map((c) => ({ weight: c.weight, terms: c.terms.map(t), with: c.with?.map(t), without: c.without?.map(t) })),
    }));
    this.categories = vocab.categories.map((c) => ({ key: c.key, kind: c.kind, terms: c.terms.map(t), together: c.together.map((p) => ({ terms: p.terms.map(t), with: p.with.map(t) })) }));
    this.configure(areas, timeZone);
    this.nearby = vocab.slots.nearby.map(t);
    this.free = vocab.slots.free.map(t);
    this.timeOfDay = {
      morning: vocab.slots.timeOfDay.morning.map(t),
      afternoon: vocab.slots.timeOfDay.afternoon.map(t),
      evening: vocab.slots.timeOfDay.evening.map(t),
    };
    this.attending = { yes: vocab.slots.attending.yes.map(t), no: vocab.slots.attending.no.map(t) };
    this.residence = { self: vocab.slots.residence.self.map(t), other: vocab.slots.residence.other.map(t) };
    this.followUp = [["phone", vocab.slots.followUp.phone.map(t)], ["place", vocab.slots.followUp.place.map(t)], ["when", vocab.slots.followUp.when.map(t)], ["fee", vocab.slots.followUp.fee.map(t)], ["more", vocab.slots.followUp.more.map(t)]];
    this.weekdayTerms = { weekdays: this.term("平日", "へいじつ"), weekend: this.term("週末", "しゅうまつ"), everyday: this.term("毎日", "まいにち") };
    this.offerable = new Map(vocab.intents.filter((i) => i.label).map((i) => [i.intent, i.label!]));
    if (vocab.training?.length) {
      this.model = new NaiveBayes(vocab.training.map((u) => ({ label: u.intent, features: featuresOf(analyse(this.tokenizer, firstChars(u.text, vocab.maxLength))) })));
    }
  }

  /**
   * The municipality's areas (from the database) and its time zone: given
   * when the router is built, or later, so the rest can be built before the
   * database is read (the NLU thread does so at start-up).
   */
  configure(areas: AreaEntry[], timeZone: string): void {
    this.timeZone = timeZone;
    this.areas = areas.map((a) => {
      const own = [this.term(a.name, a.reading || undefined), ...(a.reading ? [this.term(a.reading)] : [])];
      const aliases = a.aliases.flatMap((raw) => {
        const alias = parseAlias(raw);
        return alias.reading ? [this.term(alias.text, alias.reading), this.term(alias.reading)] : [this.term(alias.text)];
      });
      return { name: a.name, terms: [...own, ...aliases], aliasesFrom: own.length };
    });
  }

  private term(text: string, reading?: string, weight = 1): Term {
    const key = `${text}|${reading ?? ""}|${weight}`;
    let t = this.termCache.get(key);
    if (!t) {
      t = makeTerm(text, reading, this.tokenizer, weight);
      this.termCache.set(key, t);
      this.index.add(t);
    }
    return t;
  }

  route(text: string, now: Date): RouteResult {
    const { explanation } = this.run(text, now, false);
    return explanation;
  }

  explain(text: string, now: Date): Explanation {
    return this.run(text, now, true).explanation as Explanation;
  }

  private run(text: string, now: Date, explain: boolean): { explanation: RouteResult | Explanation } {
    const clipped = firstChars(text, this.vocab.maxLength);
    const a = analyse(this.tokenizer, clipped);
    const has = this.index.scan(a);
    const any = (ts: Term[]) => ts.some(has);
    const shape = a.shape;
    let whole: { written: string; reading: string } | undefined;

    const { category, categoryScores } = this.category(a, has);
    const slots: Slots = {};
    if (category) slots.category = category.key;
    const area = this.area(a, has);
    if (area) slots.area = area;
    const weekdays = extractWeekdays(a, this.weekdayTerms, has);
    if (weekdays) slots.weekdays = weekdays;
    const tod = extractTimeOfDay(a, this.timeOfDay, has);
    if (tod) slots.timeOfDay = tod;
    Object.assign(slots, extractDate(a, now, this.timeZone));
    const nearby = extractNearby(this.nearby, has);
    if (nearby) slots.nearby = true;
    const attending = extractAttending(this.attending, has, a.normalized);
    if (attending !== undefined) slots.attending = attending;
    if (any(this.residence.self)) slots.residence = any(this.residence.other) ? "other" : "self";
    if (any(this.free)) slots.free = true;
    const followUp = this.followUp.find(([, ts]) => any(ts));
    // お金のかからない asks for free activities, not what the last one costs.
    if (followUp && !(slots.free && followUp[0] === "fee")) slots.followUp = followUp[0];

    const scores = this.intents.map((intent) => {
      let score = 0;
      const cues: string[] | undefined = explain ? [] : undefined;
      for (const cue of intent.cues) {
        const hit = cue.terms.find(has);
        if (!hit) continue;
        if (cue.with && !any(cue.with)) continue;
        if (cue.without && any(cue.without)) continue;
        score += cue.weight * Math.min(1, hit.weight);
        cues?.push(`${hit.text}(${cue.weight > 0 ? "+" : ""}${cue.weight})`);
      }
      if (intent.whole.length && score < this.vocab.threshold && intent.whole.some((t) => wholeMatch(t, (whole ??= wholeForms(a))))) {
        score += this.vocab.threshold * 2;
        cues?.push("whole");
      }
      if (category) {
        const b = intent.boosts.categoryKind[category.kind] ?? 0;
        if (b) {
          score += b;
          cues?.push(`category:${category.key}(${b > 0 ? "+" : ""}${b})`);
        }
      }
      for (const [feature, b] of intent.shapeBoosts) {
        if (shape.features.has(feature)) {
          score += b;
          cues?.push(`shape:${feature}(${b > 0 ? "+" : ""}${b})`);
        }
      }
      for (const [slot, b] of intent.slotBoosts) {
        if ((slots as Record<string, unknown>)[slot] !== undefined) {
          score += b;
          cues?.push(`slot:${slot}(+${b})`);
        }
      }
      return { intent: intent.intent, score: Math.round(score * 100) / 100, cues: cues ?? [], declared: intent.slots, priority: intent.priority };
    });
    scores.sort((x, y) => y.score - x.score);
    // An emergency wins whenever it is recognised, whatever else the message also says.
    const urgent = scores.find((x) => x.priority && x.score >= this.vocab.threshold);
    if (urgent && scores[0] !== urgent) scores.splice(scores.indexOf(urgent), 1), scores.unshift(urgent);
    const [top, second] = scores;
    let confident = top.score >= this.vocab.threshold;
    let learned = false;
    let chosen = top;
    const margin = top.score > 0 ? (top.score - (second?.score ?? 0)) / top.score : 0;
    let confidence = confident
      ? Math.round(Math.min(1, 0.5 * Math.min(1, top.score / 2) + 0.5 * margin) * 100) / 100
      : Math.round(Math.max(0, 1 - top.score / this.vocab.threshold) * 100) / 100;
    let candidates: RouteResult["candidates"];
    // (Letting a sure model overrule rules that were only just confident was measured: as many
    // held-out utterances lost as won, so the rules keep the last word when they reach the threshold.)
    const features = !confident && this.model ? featuresOf(a) : undefined;
    const predictions = features ? this.model!.predict(features) : undefined;
    if (predictions) {
      // The rules found nothing sure: the learned model and the rules' partial scores together.
      const blended = this.blend(scores, predictions);
      const [best, next] = blended;
      const [p0, p1] = predictions;
      // From 0.45 the rules must have seen something of it too.
      const ruleSupport = (scores.find((x) => x.intent === best?.intent)?.score ?? 0) > 0;
      if (
        p0 &&
        p0.intent !== "unknown" &&
        p0.p >= ACCEPT_LEARNED_ALONE &&
        p0.p - (p1?.p ?? 0) >= ACCEPT_MARGIN &&
        !scores.find((x) => x.intent === p0.intent)?.priority &&
        this.model!.hasKeyWord(features!, p0.intent) &&
        this.hasRequired(p0.intent, slots) &&
        // One word alone (手伝い: to ask for help, or to give it?) is exactly when to ask.
        contentWords(a.tokens).length >= 2
      ) {
        // Sure on its own, where the rules saw nothing that reached the threshold.
        chosen = scores.find((x) => x.intent === p0.intent)!;
        confident = true;
        learned = true;
        confidence = Math.round(p0.p * 100) / 100;
      } else if (best && best.intent !== "unknown" && ruleSupport && best.score >= ACCEPT_LEARNED && best.score - (next?.score ?? 0) >= ACCEPT_MARGIN && this.hasRequired(best.intent, slots)) {
        chosen = scores.find((x) => x.intent === best.intent)!;
        confident = true;
        learned = true;
        confidence = Math.round(best.score * 100) / 100;
      } else {
        const offered = blended.filter((x) => this.offerable.has(x.intent) && x.score >= OFFER_MIN && this.hasRequired(x.intent, slots)).slice(0, MAX_CANDIDATES);
        if (offered.length) candidates = offered.map((x) => ({ intent: x.intent, confidence: Math.round(x.score * 100) / 100, label: this.offerable.get(x.intent)! }));
      }
    }
    const intent: IntentName = confident ? chosen.intent : "unknown";
    const outSlots: Slots = {};
    for (const [k, v] of Object.entries(slots)) {
      if (!confident || chosen.declared.has(k) || k === "followUp" || (k === "dateTo" && chosen.declared.has("date"))) (outSlots as Record<string, unknown>)[k] = v;
    }
    const result: RouteResult = { text, normalized: a.normalized, reading: a.folded, intent, confidence, slots: outSlots, ...(candidates ? { candidates } : {}), ...(learned ? { learned } : {}) };
    if (!explain) return { explanation: result };
    return {
      explanation: {
        ...result,
        tokens: a.tokens.map((t) => `${t.surface}/${t.reading}`),
        folded: a.folded,
        scores: scores.filter((s) => s.score !== 0).map(({ intent, score, cues }) => ({ intent, score, cues })),
        categoryScores,
        shape: [...shape.features],
      },
    };
  }

  /** The slots the intent cannot do without were found (see `requires` in intents/*.yaml). */
  private hasRequired(intent: IntentName, slots: Slots): boolean {
    const spec = this.intents.find((i) => i.intent === intent);
    return !spec || spec.requires.every((k) => (slots as Record<string, unknown>)[k] !== undefined);
  }

  /** Each intent's blended likelihood: the model's posterior and the rules' partial score, half and half ("unknown": the model's alone). */
  private blend(scores: { intent: IntentName; score: number; priority: boolean }[], predictions: Prediction[]): { intent: IntentName; score: number }[] {
    const p = new Map(predictions.map((x) => [x.intent, x.p]));
    const clamp = (x: number) => Math.max(0, Math.min(1, x));
    return scores
      .filter((x) => !x.priority)
      .map((x) => ({ intent: x.intent, score: 0.5 * (p.get(x.intent) ?? 0) + 0.5 * clamp(x.score / this.vocab.threshold) }))
      .concat([{ intent: "unknown" as IntentName, score: p.get("unknown") ?? 0 }])
      .sort((x, y) => y.score - x.score);
  }

  private category(a: Analysed, has: (t: Term) => boolean): { category?: CompiledCategory; categoryScores: Record<string, number> } {
    const categoryScores: Record<string, number> = {};
    let best: CompiledCategory | undefined;
    let bestScore = 0;
    // A word inside a longer word another category found does not count (移動 in 移動スーパー, 介護 in 介護者の会).
    const hits = this.categories.map((c) => c.terms.filter(has));
    const inLonger = (t: Term, own: number) => hits.some((hs, k) => k !== own && hs.some((o) => o.text.length > t.text.length && o.text.includes(t.text)));
    // 相談した結果、… tells a step already taken: a consultation only told in the past is background, not what is
    // sought. (A chore told in the past, 買い物したけど重くて, still says what the trouble is about.)
    // Nor is a role the writer introduces themselves by: 中台の民生委員です, ケアマネをしています.
    const past = toldInPast(a);
    const onlyInPast = (t: Term) => (past.get(t.text) ?? 0) > 0 && (past.get(t.text) ?? 0) >= countOf(a.normalized, t.text);
    const background = (t: Term, c: CompiledCategory) => c.kind === "consultation" && (onlyInPast(t) || onlyAsOwnRole(a, t.text));
    for (const [k, c] of this.categories.entries()) {
      let s = 0;
      for (const t of hits[k]) if (!inLonger(t, k) && !background(t, c)) s += t.weight;
      for (const p of c.together) {
        const hit = p.terms.find(has);
        if (hit && p.with.some(has)) s += PAIR_WEIGHT * Math.min(1, hit.weight);
      }
      if (s > 0) categoryScores[c.key] = s;
      if (s > bestScore) {
        best = c;
        bestScore = s;
      }
    }
    if (!best) {
      // One slipped kana in a long word (さろんn, はいしょっく): try the longer terms loosely.
      for (const c of this.categories) {
        const s = c.terms.filter((t) => t.weight >= 1 && fuzzyMatchTerm(t, a)).length * 0.8;
        if (s > 0) categoryScores[c.key] = s;
        if (s > bestScore) {
          best = c;
          bestScore = s;
        }
      }
    }
    return { category: best, categoryScores };
  }

  private area(a: Analysed, has: (t: Term) => boolean): string | undefined {
    const hits: { name: string; term: Term }[] = [];
    for (const area of this.areas) {
      area.terms.forEach((t, k) => {
        if (!has(t)) return;
        // An alias followed by 地区 or 地域 names the wider district around it (志村地区 is not 志村坂上).
        if (k >= area.aliasesFrom && widerDistrict(a, t)) return;
        hits.push({ name: area.name, term: t });
      });
    }
    if (hits.length === 0) return undefined;
    // 上板橋 (常盤台) contains 板橋: a match inside a longer match does not count.
    const kept = hits.filter(
      (h) => !hits.some((o) => o !== h && o.name !== h.name && ((o.term.text.includes(h.term.text) && o.term.text !== h.term.text) || (h.term.reading && o.term.reading.includes(h.term.reading) && o.term.reading !== h.term.reading))),
    );
    let pool = kept.length ? kept : hits;
    // Where someone used to live or came from (前は蓮根に住んでいた, 蓮根から越してきた) is not the area
    // meant when another is named too.
    const now = pool.filter((h) => !formerArea(a, h.term));
    if (now.length) pool = now;
    // Nor where a relative lives when the writer names another place to search (娘が成増にいて…高島平で探しています).
    const searched = pool.filter((h) => !relativesHome(a, h.term, this.residence.other));
    if (searched.length) pool = searched;
    pool.sort((x, y) => position(a, x.term) - position(a, y.term) || y.term.text.length - x.term.text.length);
    return pool[0].name;
  }
}

// What may follow a one-phrase message without changing it: punctuation, ください, long vowels.
const WHOLE_TAIL_WRITTEN = /(?:ください|下さい|くれ|[ー〜~!！?？。、.,…・\s])+$/u;
const WHOLE_TAIL_READING = new RegExp(`(?:${fold("クダサイ")}|${fold("クレ")})+$`);

/** The message without what may follow a one-phrase message, worked out once per message. */
function wholeForms(a: Analysed): { written: string; reading: string } {
  return { written: a.normalized.replace(WHOLE_TAIL_WRITTEN, ""), reading: a.folded.replace(WHOLE_TAIL_READING, "") };
}

/** The whole message is this term (たすけて, 助けてください!). */
function wholeMatch(t: Term, whole: { written: string; reading: string }): boolean {
  if (whole.written === t.text) return true;
  return t.reading !== "" && whole.reading === t.reading;
}

const FORMER_AFTER = /^(?:町|丁目)?(?:から|に住んでいた|に住んでました|に住んでいました|に住んでおりました|にいた|にいました)/;
const FORMER_BEFORE = /(?:前は|以前は?|昔は|もともと|元々|元は|前まで|これまでは)[^、。]*$/;

const DISTRICT_AFTER = /^(?:地区|地域|方面|エリア|ちく|ちいき)/;
function widerDistrict(a: Analysed, t: Term): boolean {
  const at = a.normalized.indexOf(t.text);
  return at >= 0 && DISTRICT_AFTER.test(a.normalized.slice(at + t.text.length));
}

/** The area is named as where the writer lived before, or moved from. */
function formerArea(a: Analysed, t: Term): boolean {
  const at = a.normalized.indexOf(t.text);
  if (at < 0) return false;
  return FORMER_AFTER.test(a.normalized.slice(at + t.text.length)) || FORMER_BEFORE.test(a.normalized.slice(0, at));
}

/** Two words that together name a category (お店 … 配達) say more than one word of another: they count this much. */
const PAIR_WEIGHT = 1.5;

const LIVES_THERE = /^(?:に|で)(?:住ん|すん|住む|住ま|いて|いる|います|おり|一人|ひとり|暮らし|くらし)/u;

/** The area is told as where a relative or friend lives: 娘が成増にいて, 母が蓮根に住んでいて. */
function relativesHome(a: Analysed, t: Term, relatives: Term[]): boolean {
  const at = a.normalized.indexOf(t.text);
  if (at < 0 || !LIVES_THERE.test(a.normalized.slice(at + t.text.length))) return false;
  // In the same sentence, a few words back: 母が、蓮根に住んでいて (not 娘に教わりました。蓮根に住んでいます).
  const before = a.normalized.slice(Math.max(0, at - 12), at).split("。").pop()!;
  return relatives.some((r) => r.text !== "" && before.includes(r.text));
}

function position(a: Analysed, t: Term): number {
  const w = a.normalized.indexOf(t.text);
  if (w >= 0) return w;
  const r = a.folded.indexOf(t.reading);
  return r >= 0 ? r : Number.MAX_SAFE_INTEGER;
}

/**
 * Verbal nouns told as done (相談した結果, 相談しましたが, 運動したところ): how often each is written so.
 * A pure function of the analysed text.
 */
export function toldInPast(a: Analysed): Map<string, number> {
  const out = new Map<string, number>();
  const t = a.tokens;
  for (let i = 0; i + 2 < t.length; i++) {
    if (t[i].pos !== "名詞" || t[i + 1].base !== "する" || t[i + 1].pos !== "動詞") continue;
    // した, したところ; しました (し|まし|た). Not したら: どこに相談したらいい asks where to go.
    const j = t[i + 2].base === "ます" ? i + 3 : i + 2;
    if (t[j]?.pos === "助動詞" && t[j].surface === "た") out.set(t[i].surface, (out.get(t[i].surface) ?? 0) + 1);
  }
  return out;
}

const OWN_ROLE = /^(です|でございます|をしてい|をしてお|をやってい|として)/;

/**
 * Every time the word is written, it is what the writer is: 民生委員です, 民生委員として. Only a noun that
 * names someone: ご相談です or 相談をしていただけますか (a verbal noun) asks for a consultation.
 */
function onlyAsOwnRole(a: Analysed, word: string): boolean {
  const text = a.normalized;
  let at = text.indexOf(word);
  if (at < 0) return false;
  for (; at >= 0; at = text.indexOf(word, at + word.length)) {
    if (a.tokens[a.tokenAt[at + word.length - 1]]?.detail === "サ変接続") return false;
    if (!OWN_ROLE.test(text.slice(at + word.length, at + word.length + 8))) return false;
  }
  return true;
}

function countOf(text: string, part: string): number {
  let n = 0;
  for (let at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length)) n++;
  return n;
}
