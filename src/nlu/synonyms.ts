import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { normalize } from "./normalize.js";
import type { CueSpec, TermSpec, Vocabulary } from "./vocabulary.js";

/**
 * Widening the vocabulary with a maintained synonym dictionary (Sudachi's,
 * from the npm package sudachi-synonyms-dictionary, Apache-2.0) instead of
 * longer hand lists: every term in intents/ that the dictionary knows brings
 * its variants of the same vocabulary (cafe and カフェー with カフェ, 送り迎え
 * with 送迎, ショッピング and shopping with 買い物) at a slightly lower weight. intents/ stays the one place a
 * coordinator edits; the dictionary is only read.
 *
 * The 14 MB dictionary is reduced once to the groups that matter for
 * matching (a word → its group's words) and cached beside kuromoji's
 * dictionary, so a start reads a small file.
 */

export const SYNONYM_WEIGHT = 0.9;
const CACHE_VERSION = 2;

type Index = Map<string, string[]>;

export function defaultSynonymCachePath(): string {
  const require = createRequire(import.meta.url);
  const pkg = path.dirname(require.resolve("sudachi-synonyms-dictionary"));
  return path.resolve(process.env.SYNONYM_CACHE ?? path.join(pkg, "..", ".cache", "sasaeai-line", `synonyms-v${CACHE_VERSION}.json`));
}

interface RawItem {
  midashi: string;
  vocabularyNumber?: number;
  expandControl: number;
  gokeiSyubetsu: string;
  hyoukiYure: string;
}

/** word → the other words of its groups, for words usable in matching (no errors, no deprecated entries). */
export function buildIndex(groups: { items: RawItem[] }[]): Index {
  const index: Index = new Map();
  for (const g of groups) {
    // Only words of the same vocabulary within a group: spelling variants, abbreviations and
    // translations (カフェ, カフェー, cafe), not the group's wider neighbours (会議 for サロン).
    const byVocabulary = new Map<number, string[]>();
    for (const i of g.items) {
      if (i.expandControl === 2 || i.gokeiSyubetsu === "間違い" || i.hyoukiYure === "間違い表記" || i.vocabularyNumber === undefined) continue;
      const w = normalize(i.midashi);
      if (usable(w)) byVocabulary.set(i.vocabularyNumber, [...(byVocabulary.get(i.vocabularyNumber) ?? []), w]);
    }
    for (const list of byVocabulary.values()) {
      const words = [...new Set(list)];
      if (words.length < 2) continue;
      for (const w of words) index.set(w, [...new Set([...(index.get(w) ?? []), ...words.filter((x) => x !== w)])]);
    }
  }
  return index;
}

/** Too short or too plain to match safely inside a resident's sentence. */
function usable(w: string): boolean {
  if (/^[a-z0-9 .'-]+$/.test(w)) return w.length >= 4 && !w.includes(" ");
  return [...w].length >= 2 && !/[\s、。,]/.test(w);
}

export function loadSynonymIndex(cachePath = defaultSynonymCachePath()): Index {
  try {
    return new Map(JSON.parse(fs.readFileSync(cachePath, "utf8")) as [string, string[]][]);
  } catch {
    // Missing or damaged: build it from the package and keep it.
  }
  const require = createRequire(import.meta.url);
  const file = path.join(path.dirname(require.resolve("sudachi-synonyms-dictionary")), "sudachi-synonyms-dictionary.json");
  const index = buildIndex(JSON.parse(fs.readFileSync(file, "utf8")));
  try {
    fs.mkdirSync(path.dirname(cachePath), { recursive: true });
    const tmp = `${cachePath}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify([...index]));
    fs.renameSync(tmp, cachePath);
  } catch {
    // A read-only node_modules: build it each start instead.
  }
  return index;
}

function widen(terms: TermSpec[], index: Index): TermSpec[] {
  const have = new Set(terms.map((t) => normalize(t.text)));
  const added: TermSpec[] = [];
  for (const t of terms) {
    for (const syn of index.get(normalize(t.text)) ?? []) {
      if (have.has(syn)) continue;
      have.add(syn);
      added.push({ text: syn, weight: Math.round(t.weight * SYNONYM_WEIGHT * 100) / 100 });
    }
  }
  return added.length ? [...terms, ...added] : terms;
}

/** The vocabulary with each cue's and category's terms widened by their synonyms (with/without lists stay as written). */
export function withSynonyms(vocab: Vocabulary, index: Index = loadSynonymIndex()): Vocabulary {
  const cue = (c: CueSpec): CueSpec => ({ ...c, terms: c.weight > 0 ? widen(c.terms, index) : c.terms });
  return {
    ...vocab,
    intents: vocab.intents.map((i) => ({ ...i, cues: i.priority ? i.cues : i.cues.map(cue) })),
    categories: vocab.categories.map((c) => ({ ...c, terms: widen(c.terms, index) })),
  };
}
