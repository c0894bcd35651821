import { createRequire } from "node:module";
import { loadSections, type DictionarySections } from "./dictionary.js";
import { latticeBuilder } from "./lattice.js";
import { toKatakana } from "./normalize.js";

export interface Token {
  surface: string;
  base: string;
  /** Katakana reading; the surface in katakana when the dictionary has none. */
  reading: string;
  pos: string;
  /** kuromoji's first part-of-speech detail (接続助詞, 非自立, 自立 …), "*" when none. */
  detail: string;
}

export interface Tokenizer {
  tokenize(text: string): Token[];
}

interface KuromojiToken {
  surface_form: string;
  basic_form: string;
  reading?: string;
  pos: string;
  pos_detail_1: string;
}

const require = createRequire(import.meta.url);

/**
 * kuromoji's own classes, fed the prepared dictionary (see dictionary.ts)
 * instead of its gzip loader (its public builder offers no way to do that),
 * with a faster lattice builder (see lattice.ts). Exported for tests.
 */
export function kuromojiTokenizer(s: DictionarySections): { tokenize(text: string): KuromojiToken[]; viterbi_builder: { build(text: string): unknown } } {
  const DynamicDictionaries = require("kuromoji/src/dict/DynamicDictionaries.js");
  const CharacterDefinition = require("kuromoji/src/dict/CharacterDefinition.js");
  const KuromojiTokenizer = require("kuromoji/src/Tokenizer.js");
  const view = <T>(Kind: new (b: ArrayBufferLike, o: number, n: number) => T, bytes: Uint8Array, size: number) => new Kind(bytes.buffer, bytes.byteOffset, bytes.byteLength / size);

  const dic = new DynamicDictionaries();
  dic.loadTrie(view(Int32Array, s.base, 4), view(Int32Array, s.check, 4));
  const known = dic.token_info_dictionary;
  known.loadDictionary(s.tid);
  known.loadPosVector(s.tidPos);
  // The Viterbi builder only reads target_map[trieId] as an array-like.
  const offsets = view(Int32Array, s.mapOffsets, 4);
  const values = view(Int32Array, s.mapValues, 4);
  const none = new Int32Array(0);
  known.target_map = new Proxy(
    {},
    {
      get(_target, key) {
        const id = Number(key);
        return Number.isInteger(id) && id >= 0 && id + 1 < offsets.length ? values.subarray(offsets[id], offsets[id + 1]) : none;
      },
    },
  );
  dic.loadConnectionCosts(view(Int16Array, s.cc, 2));
  const unknown = dic.unknown_dictionary;
  unknown.loadDictionary(s.unk);
  unknown.loadPosVector(s.unkPos);
  unknown.loadTargetMap(s.unkMap);
  unknown.character_definition = CharacterDefinition.load(s.unkChar, view(Uint32Array, s.unkCompat, 4), s.unkInvoke);
  // A word's features are decoded from UTF-8 on every use; the same few thousand words come up again and again.
  const decodeFeatures = known.getFeatures.bind(known);
  const features = new Map<string | number, string>();
  known.getFeatures = (id: string | number) => {
    let f = features.get(id);
    if (f === undefined) {
      if (features.size >= 50_000) features.clear();
      features.set(id, (f = decodeFeatures(id) as string));
    }
    return f;
  };
  const tokenizer = new KuromojiTokenizer(dic);
  tokenizer.viterbi_builder.build = latticeBuilder(
    { known: known.dictionary, unknown },
    { base: view(Int32Array, s.base, 4), check: view(Int32Array, s.check, 4), offsets, values },
  );
  return tokenizer;
}

let loading: Promise<Tokenizer> | undefined;

/**
 * One tokenizer per process, shared by every caller. The dictionary is read
 * synchronously, but callers get a promise so start-up can overlap it with
 * the rest of the app's imports.
 */
export function loadTokenizer(): Promise<Tokenizer> {
  loading ??= new Promise<Tokenizer>((resolve, reject) => {
    setImmediate(() => {
      try {
        const tk = kuromojiTokenizer(loadSections());
        resolve({
          tokenize: (text) =>
            tk.tokenize(text).map((t) => ({
              surface: t.surface_form,
              base: t.basic_form === "*" ? t.surface_form : t.basic_form,
              reading: t.reading && t.reading !== "*" ? t.reading : toKatakana(t.surface_form),
              pos: t.pos,
              detail: t.pos_detail_1,
            })),
        });
      } catch (err) {
        loading = undefined;
        reject(err);
      }
    });
  });
  return loading;
}
