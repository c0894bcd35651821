import fs from "node:fs";
import path from "node:path";
import yaml from "js-yaml";
import { withSynonyms } from "./synonyms.js";
import { readCorpus } from "./corpus.js";
import { INTENTS, type IntentName, type TimeOfDay } from "./types.js";
import { projectPath } from "../paths.js";
import { SHAPES, type ShapeFeature } from "./shape.js";

/**
 * Loads and checks the declarative intent files in intents/. Errors name the
 * file and the field, so a coordinator who edits a synonym sees what is wrong.
 */

export const INTENTS_DIR = projectPath("intents");

export interface TermSpec {
  text: string;
  reading?: string;
  weight: number;
}

export interface CueSpec {
  weight: number;
  terms: TermSpec[];
  with?: TermSpec[];
  without?: TermSpec[];
}

export interface IntentSpec {
  intent: IntentName;
  description: string;
  /** The button a resident taps when the bot asks "もしかして…？"; intents without one are never offered. */
  label?: string;
  slots: string[];
  boosts: { categoryKind: Record<string, number>; slots: Record<string, number>; shape: Partial<Record<ShapeFeature, number>> };
  cues: CueSpec[];
  /** Messages that are only one of these (punctuation and ください aside) also match, at full weight. */
  whole: TermSpec[];
  /** Wins over every other intent whenever it reaches the threshold (emergencies). */
  priority: boolean;
  /** Slots without which the learned fallback never chooses this intent (set_area with no area has nothing to set). */
  requires: string[];
  examples: { positive: string[]; negative: string[] };
}

export interface CategorySpec {
  key: string;
  label: string;
  kind: "place" | "service" | "consultation";
  terms: TermSpec[];
  /** Two words anywhere in the message that together name the category (夕食 … 配達, おかず … 持ってきて). */
  together: { terms: TermSpec[]; with: TermSpec[] }[];
}

export interface SlotVocabulary {
  nearby: TermSpec[];
  /** Only activities that cost nothing. */
  free: TermSpec[];
  timeOfDay: Record<TimeOfDay, TermSpec[]>;
  attending: { yes: TermSpec[]; no: TermSpec[] };
  /** Saying where one lives (住んでいる, 引っ越した) and, for someone else, who (娘が, 母の). */
  residence: { self: TermSpec[]; other: TermSpec[] };
  /** Follow-up questions about the last answer: ほかには？ そこの電話番号は？ 場所は？ */
  followUp: { more: TermSpec[]; phone: TermSpec[]; place: TermSpec[]; when: TermSpec[]; fee: TermSpec[] };
}

export interface Vocabulary {
  intents: IntentSpec[];
  categories: CategorySpec[];
  slots: SlotVocabulary;
  threshold: number;
  maxLength: number;
  /** Labelled utterances the learned fallback is trained on (intents/corpus.tsv and the intents' examples). */
  training?: { text: string; intent: IntentName }[];
}

export class VocabularyError extends Error {}

const SLOT_NAMES = ["category", "area", "weekdays", "timeOfDay", "date", "nearby", "free", "attending", "residence", "followUp"];
const KINDS = ["place", "service", "consultation"];

/** `体操`, `蓮根|はすね`, `教室@0.6`, `会|` (written only). */
export function parseTerm(raw: unknown, where: string): TermSpec {
  if (typeof raw !== "string" && typeof raw !== "number") throw new VocabularyError(`${where}: a term must be text, got ${JSON.stringify(raw)}`);
  const s = String(raw).trim();
  const m = /^([^|@]+)(?:\|([^@]*))?(?:@([0-9.]+))?$/.exec(s);
  if (!m) throw new VocabularyError(`${where}: cannot read term "${s}" (write 語, 語|よみ or 語@0.5)`);
  const weight = m[3] === undefined ? 1 : Number(m[3]);
  if (!(weight > 0 && weight <= 5)) throw new VocabularyError(`${where}: weight of "${s}" must be above 0 and at most 5`);
  if (m[2] !== undefined && m[2] !== "" && !/^[ぁ-ゖァ-ヺー]+$/.test(m[2])) throw new VocabularyError(`${where}: reading of "${s}" must be kana`);
  return { text: m[1].trim(), reading: m[2], weight };
}

function terms(raw: unknown, where: string): TermSpec[] {
  if (!Array.isArray(raw) || raw.length === 0) throw new VocabularyError(`${where}: needs a non-empty list of terms`);
  // A term written twice (easy in a long list a coordinator edits) counts once, at the larger of its weights:
  // a category's score adds its terms' weights, so a repeated term would double its pull.
  const out = new Map<string, TermSpec>();
  raw.forEach((t, i) => {
    const term = parseTerm(t, `${where}[${i}]`);
    const key = `${term.text}|${term.reading ?? ""}`;
    const seen = out.get(key);
    if (!seen || seen.weight < term.weight) out.set(key, term);
  });
  return [...out.values()];
}

function number(raw: unknown, where: string, min: number, max: number): number {
  if (typeof raw !== "number" || !(raw >= min && raw <= max)) throw new VocabularyError(`${where}: must be a number from ${min} to ${max}`);
  return raw;
}

function numberMap(raw: unknown, where: string, keys: string[]): Record<string, number> {
  if (raw === undefined) return {};
  if (typeof raw !== "object" || raw === null) throw new VocabularyError(`${where}: must be a mapping`);
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (!keys.includes(k)) throw new VocabularyError(`${where}: unknown key "${k}" (one of ${keys.join(", ")})`);
    out[k] = number(v, `${where}.${k}`, -5, 5);
  }
  return out;
}

function strings(raw: unknown, where: string): string[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw) || !raw.every((x) => typeof x === "string")) throw new VocabularyError(`${where}: must be a list of texts`);
  return raw as string[];
}

export function parseIntentFile(doc: any, file: string): IntentSpec {
  if (!doc || typeof doc !== "object") throw new VocabularyError(`${file}: empty or not a mapping`);
  if (!INTENTS.includes(doc.intent)) throw new VocabularyError(`${file}: intent "${doc.intent}" is not one of ${INTENTS.join(", ")}`);
  if (path.basename(file, ".yaml") !== doc.intent) throw new VocabularyError(`${file}: file name must match intent "${doc.intent}"`);
  const slots = strings(doc.slots, `${file}: slots`);
  for (const s of slots) if (!SLOT_NAMES.includes(s)) throw new VocabularyError(`${file}: unknown slot "${s}"`);
  if (!Array.isArray(doc.cues) || doc.cues.length === 0) throw new VocabularyError(`${file}: cues must be a non-empty list`);
  if (doc.priority !== undefined && typeof doc.priority !== "boolean") throw new VocabularyError(`${file}: priority must be true or false`);
  const requires = strings(doc.requires, `${file}: requires`);
  for (const r of requires) if (!slots.includes(r)) throw new VocabularyError(`${file}: requires "${r}", which is not one of its slots`);
  return {
    intent: doc.intent,
    description: String(doc.description ?? ""),
    label: doc.label === undefined ? undefined : labelOf(doc.label, file),
    slots,
    boosts: {
      categoryKind: numberMap(doc.boosts?.categoryKind, `${file}: boosts.categoryKind`, KINDS),
      slots: numberMap(doc.boosts?.slots, `${file}: boosts.slots`, SLOT_NAMES),
      shape: numberMap(doc.boosts?.shape, `${file}: boosts.shape`, [...SHAPES]),
    },
    cues: doc.cues.map((c: any, i: number) => {
      const where = `${file}: cues[${i}]`;
      return {
        weight: number(c?.weight, `${where}.weight`, -5, 5),
        terms: terms(c?.terms, `${where}.terms`),
        with: c?.with === undefined ? undefined : terms(c.with, `${where}.with`),
        without: c?.without === undefined ? undefined : terms(c.without, `${where}.without`),
      };
    }),
    whole: doc.whole === undefined ? [] : terms(doc.whole, `${file}: whole`),
    priority: doc.priority === true,
    requires,
    examples: { positive: strings(doc.examples?.positive, `${file}: examples.positive`), negative: strings(doc.examples?.negative, `${file}: examples.negative`) },
  };
}

function labelOf(raw: unknown, file: string): string {
  if (typeof raw !== "string" || !raw.trim() || [...raw.trim()].length > 20) throw new VocabularyError(`${file}: label must be a text of at most 20 characters`);
  return raw.trim();
}

function readYaml(file: string): any {
  try {
    return yaml.load(fs.readFileSync(file, "utf8"));
  } catch (err) {
    throw new VocabularyError(`${file}: ${(err as Error).message.split("\n")[0]}`);
  }
}

export function loadVocabulary(dir = INTENTS_DIR): Vocabulary {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith(".yaml")).sort();
  const intents = files.map((f) => parseIntentFile(readYaml(path.join(dir, f)), f));
  const missing = INTENTS.filter((i) => i !== "unknown" && !intents.some((s) => s.intent === i));
  if (missing.length) throw new VocabularyError(`intents/: no file for ${missing.join(", ")}`);

  const catDoc = readYaml(path.join(dir, "vocabulary/categories.yaml"));
  const categories: CategorySpec[] = Object.entries<any>(catDoc?.categories ?? {}).map(([key, c]) => {
    const where = `vocabulary/categories.yaml: ${key}`;
    if (!KINDS.includes(c?.kind)) throw new VocabularyError(`${where}.kind must be one of ${KINDS.join(", ")}`);
    if (c.together !== undefined && !Array.isArray(c.together)) throw new VocabularyError(`${where}.together must be a list of { terms, with }`);
    const together = (c.together ?? []).map((p: any, i: number) => ({ terms: terms(p?.terms, `${where}.together[${i}].terms`), with: terms(p?.with, `${where}.together[${i}].with`) }));
    return { key, label: String(c.label ?? key), kind: c.kind, terms: terms(c.terms, `${where}.terms`), together };
  });
  if (categories.length === 0) throw new VocabularyError("vocabulary/categories.yaml: no categories");

  const slotDoc = readYaml(path.join(dir, "vocabulary/slots.yaml"));
  const w = "vocabulary/slots.yaml";
  const slots: SlotVocabulary = {
    nearby: terms(slotDoc?.nearby, `${w}: nearby`),
    free: terms(slotDoc?.free ?? [], `${w}: free`),
    timeOfDay: {
      morning: terms(slotDoc?.timeOfDay?.morning, `${w}: timeOfDay.morning`),
      afternoon: terms(slotDoc?.timeOfDay?.afternoon, `${w}: timeOfDay.afternoon`),
      evening: terms(slotDoc?.timeOfDay?.evening, `${w}: timeOfDay.evening`),
    },
    attending: { yes: terms(slotDoc?.attending?.yes, `${w}: attending.yes`), no: terms(slotDoc?.attending?.no, `${w}: attending.no`) },
    residence: { self: terms(slotDoc?.residence?.self, `${w}: residence.self`), other: terms(slotDoc?.residence?.other, `${w}: residence.other`) },
    followUp: {
      more: terms(slotDoc?.followUp?.more, `${w}: followUp.more`),
      phone: terms(slotDoc?.followUp?.phone, `${w}: followUp.phone`),
      place: terms(slotDoc?.followUp?.place, `${w}: followUp.place`),
      when: terms(slotDoc?.followUp?.when, `${w}: followUp.when`),
      fee: terms(slotDoc?.followUp?.fee, `${w}: followUp.fee`),
    },
  };
  const routerDoc = readYaml(path.join(dir, "vocabulary/router.yaml"));
  return {
    intents,
    categories,
    slots,
    threshold: number(routerDoc?.threshold, "vocabulary/router.yaml: threshold", 0, 10),
    maxLength: number(routerDoc?.maxLength, "vocabulary/router.yaml: maxLength", 10, 5000),
  };
}

/**
 * What the router uses: the intents/ files widened by the synonym dictionary
 * (see synonyms.ts), and the labelled utterances of intents/corpus.tsv with the
 * intents' examples, to train the learned fallback (see learned.ts).
 */
export function loadRoutingVocabulary(dir = INTENTS_DIR): Vocabulary {
  const vocab = withSynonyms(loadVocabulary(dir));
  const corpusFile = path.join(dir, "corpus.tsv");
  const corpus = fs.existsSync(corpusFile) ? readCorpus(corpusFile).map((u) => ({ text: u.text, intent: u.intent })) : [];
  const examples = vocab.intents.flatMap((i) => i.examples.positive.map((text) => ({ text, intent: i.intent })));
  return { ...vocab, training: [...corpus, ...examples] };
}
