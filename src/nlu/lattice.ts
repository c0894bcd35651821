import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** kuromoji's lattice classes; the lattice built here is handed to its own Viterbi search. */
const ViterbiLattice = require("kuromoji/src/viterbi/ViterbiLattice.js") as new () => { append(node: unknown): void; appendEos(): void };
const ViterbiNode = require("kuromoji/src/viterbi/ViterbiNode.js") as new (
  name: number,
  cost: number,
  startPos: number,
  length: number,
  type: "KNOWN" | "UNKNOWN",
  leftId: number,
  rightId: number,
  surface: string,
) => unknown;

interface ShortReader {
  getShort(index: number): number;
}
interface CharacterClass {
  class_id: number;
  class_name: string;
  is_always_invoke: number;
  is_grouping: number;
}
export interface LatticeDictionaries {
  known: ShortReader;
  unknown: { dictionary: ShortReader; target_map: Record<number, ArrayLike<number>>; lookup(ch: string): CharacterClass };
}
export interface LatticeTrie {
  base: Int32Array;
  check: Int32Array;
  /** Token ids of trie entry i: values[offsets[i] .. offsets[i + 1]). */
  offsets: Int32Array;
  values: Int32Array;
}

/**
 * Builds the same word lattice as kuromoji's ViterbiBuilder, node for node,
 * at a fraction of the cost. kuromoji re-encodes the rest of the sentence
 * to UTF-8 at every character (quadratic in the length), copies and decodes
 * every matched prefix, and wraps every tail in a new surrogate-aware string;
 * here the sentence is encoded once, the trie is walked over that one
 * buffer, and keys are substrings of the sentence. Routing spent about a
 * third of its time there.
 *
 * One deliberate difference: a lone high surrogate (only in malformed text)
 * made kuromoji's encoder give up and tokenizing throw; here it is encoded
 * like any other unit and ends up as an unknown word.
 */
export function latticeBuilder(dic: LatticeDictionaries, trie: LatticeTrie): (sentence: string) => unknown {
  const { base, check, offsets, values } = trie;
  // Bounds as doublearray's getBase/getCheck answer them.
  const baseAt = (i: number) => (i < base.length ? base[i] : -i + 1);
  const checkAt = (i: number) => (i < check.length ? check[i] : -i - 1);
  let bytes = new Uint8Array(256);
  // For each byte offset that starts a UTF-16 unit (or pair), that unit's index in the sentence.
  let unitAt = new Int32Array(257);

  return function build(sentence: string) {
    const lattice = new ViterbiLattice();
    // Positions count code points, as kuromoji's SurrogateAwareString does (a high surrogate takes the next unit with it).
    const starts: number[] = [];
    for (let i = 0; i < sentence.length; i++) {
      starts.push(i);
      const c = sentence.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff) i++;
    }
    if (bytes.length < sentence.length * 4) {
      bytes = new Uint8Array(sentence.length * 4);
      unitAt = new Int32Array(sentence.length * 4 + 1);
    }
    const byteStart: number[] = [];
    let b = 0;
    let next = 0;
    for (let i = 0; i < sentence.length; i++) {
      if (i === starts[next]) {
        byteStart.push(b);
        next++;
      }
      unitAt[b] = i;
      let cp = sentence.charCodeAt(i);
      if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < sentence.length) {
        const low = sentence.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) {
          cp = (cp - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
          i++;
        }
      }
      if (cp < 0x80) bytes[b++] = cp;
      else if (cp < 0x800) {
        bytes[b++] = (cp >>> 6) | 0xc0;
        bytes[b++] = (cp & 0x3f) | 0x80;
      } else if (cp < 0x10000) {
        bytes[b++] = (cp >>> 12) | 0xe0;
        bytes[b++] = ((cp >> 6) & 0x3f) | 0x80;
        bytes[b++] = (cp & 0x3f) | 0x80;
      } else {
        bytes[b++] = (cp >>> 18) | 0xf0;
        bytes[b++] = ((cp >> 12) & 0x3f) | 0x80;
        bytes[b++] = ((cp >> 6) & 0x3f) | 0x80;
        bytes[b++] = (cp & 0x3f) | 0x80;
      }
    }
    unitAt[b] = sentence.length;
    const total = b;
    const count = starts.length;
    const charAt = (p: number) => sentence.slice(starts[p], p + 1 < count ? starts[p + 1] : sentence.length);

    for (let pos = 0; pos < count; pos++) {
      // Dictionary words starting here: walk the trie along the bytes that follow.
      let matched = false;
      let parent = 0;
      for (let i = byteStart[pos]; i < total; i++) {
        const child = baseAt(parent) + bytes[i];
        if (checkAt(child) !== parent) break;
        parent = child;
        const leaf = baseAt(child);
        if (checkAt(leaf) !== child) continue;
        matched = true;
        const leafBase = baseAt(leaf);
        if (leafBase > 0) continue;
        const entry = -leafBase - 1;
        if (entry + 1 >= offsets.length) continue;
        const key = sentence.slice(starts[pos], unitAt[i + 1]);
        for (let j = offsets[entry]; j < offsets[entry + 1]; j++) {
          const id = values[j];
          lattice.append(new ViterbiNode(id, dic.known.getShort(id + 4), pos + 1, key.length, "KNOWN", dic.known.getShort(id), dic.known.getShort(id + 2), key));
        }
      }

      // Unknown words, exactly as kuromoji decides them.
      const head = charAt(pos);
      const cls = dic.unknown.lookup(head);
      if (matched && cls.is_always_invoke !== 1) continue;
      let key = head;
      let grouped = false;
      if (cls.is_grouping === 1) {
        for (let k = pos + 1; k < count; k++) {
          const ch = charAt(k);
          if (dic.unknown.lookup(ch).class_name !== cls.class_name) break;
          key += ch;
          grouped = true;
        }
      }
      // kuromoji's length is in code points for a lone character and in UTF-16 units for a group.
      const length = grouped ? key.length : 1;
      const ids = dic.unknown.target_map[cls.class_id];
      for (let j = 0; j < ids.length; j++) {
        const id = Number(ids[j]);
        lattice.append(new ViterbiNode(id, dic.unknown.dictionary.getShort(id + 4), pos + 1, length, "UNKNOWN", dic.unknown.dictionary.getShort(id), dic.unknown.dictionary.getShort(id + 2), key));
      }
    }
    lattice.appendEos();
    return lattice;
  };
}
