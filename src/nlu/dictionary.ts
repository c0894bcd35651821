import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import zlib from "node:zlib";
import { toKatakana } from "./normalize.js";

/**
 * kuromoji's IPADIC, repacked so the bot starts fast and stays small.
 *
 * kuromoji's own loader gunzips twelve files (~100 MB, mostly zero padding:
 * unk.dat is 10 MB for 400 bytes of content) and copies each of them, then
 * turns tid_map into 326,000 JS arrays. That costs ~1 s and ~260 MB at every
 * start. Here the same content is trimmed, the map becomes two flat arrays,
 * and the lot is written once, uncompressed, to one cache file that later
 * starts read in a single call (~60 MB, tens of milliseconds).
 */

const require = createRequire(import.meta.url);
const kuromojiRoot = path.dirname(require.resolve("kuromoji/package.json"));
const KUROMOJI_VERSION: string = require("kuromoji/package.json").version;

/** Bump when the layout below changes, so an old cache file is rebuilt. */
const FORMAT = 2;
const MAGIC = `sasaeai-kuromoji-dict/${FORMAT}/${KUROMOJI_VERSION}`;

/** Each section, in file order. */
const SECTIONS = ["base", "check", "tid", "tidPos", "mapOffsets", "mapValues", "cc", "unk", "unkPos", "unkMap", "unkChar", "unkCompat", "unkInvoke"] as const;
type SectionName = (typeof SECTIONS)[number];
export type DictionarySections = Record<SectionName, Uint8Array>;

/** Where the prepared dictionary lives: npm's conventional cache folder, so `npm ci` starts it afresh. */
export function defaultCachePath(): string {
  return path.resolve(process.env.KUROMOJI_CACHE ?? path.join(kuromojiRoot, "..", ".cache", "sasaeai-line", "kuromoji-dict.bin"));
}

function gunzip(file: string): Uint8Array {
  return zlib.gunzipSync(fs.readFileSync(path.join(kuromojiRoot, "dict", file)));
}

/**
 * Drops the zero padding kuromoji's ByteBuffer leaves at the end of a file,
 * keeping a zeroed tail so a read just past the last entry sees the same
 * zeros it saw before.
 */
function trimPadding(bytes: Uint8Array): Uint8Array {
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === 0) end--;
  const keep = Math.min(bytes.length, ((end + 7) & ~7) + 64);
  return bytes.subarray(0, keep);
}

/** tid_map (key, count, values… repeated) as offsets + values: trie id i owns values[offsets[i]..offsets[i+1]). */
function packTargetMap(bytes: Uint8Array): { offsets: Int32Array; values: Int32Array } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const keyCount = view.getInt32(0, true);
  const byKey = new Map<number, number[]>();
  let maxKey = -1;
  let total = 0;
  let p = 4;
  for (let k = 0; k < keyCount; k++) {
    const key = view.getInt32(p, true);
    const n = view.getInt32(p + 4, true);
    p += 8;
    const list = byKey.get(key) ?? [];
    for (let i = 0; i < n; i++, p += 4) list.push(view.getInt32(p, true));
    byKey.set(key, list);
    total += n;
    if (key > maxKey) maxKey = key;
  }
  const offsets = new Int32Array(maxKey + 2);
  const values = new Int32Array(total);
  let at = 0;
  for (let key = 0; key <= maxKey; key++) {
    offsets[key] = at;
    for (const v of byKey.get(key) ?? []) values[at++] = v;
  }
  offsets[maxKey + 1] = at;
  return { offsets, values };
}

const asBytes = (a: ArrayBufferView) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/** Each known word's entry in tid: left id, right id and cost (int16 each), then its features' offset (int32). */
const ENTRY_SIZE = 10;
const FEATURES_OFFSET = 6;

/**
 * The words' features ("surface,pos,detail1,detail2,detail3,conjugation type,conjugation form,base,
 * reading,pronunciation", UTF-8) with only what the router reads kept: the surface, the part of speech
 * and its first detail, the base form and the reading. The others become empty, and the base form or
 * the reading "*" when it is only the surface again (the tokenizer reads "*" back the same way, with the same toKatakana), which
 * takes the 36 MB of features to about half. Entries that share features share their bytes. Returns
 * the features and a copy of tid pointing into them.
 */
function packFeatures(tid: Uint8Array, features: Uint8Array): { tid: Uint8Array; features: Uint8Array } {
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  const out = new Uint8Array(tid);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const chunks: Uint8Array[] = [];
  const offsets = new Map<string, number>();
  let size = 0;
  for (let at = 0; at + ENTRY_SIZE <= out.length; at += ENTRY_SIZE) {
    const from = view.getInt32(at + FEATURES_OFFSET, true);
    let end = from;
    while (end < features.length && features[end] !== 0) end++;
    const f = decoder.decode(features.subarray(from, end)).split(",");
    const [surface, pos, detail] = f;
    const base = f[7] === surface ? "*" : f[7];
    const reading = f[8] === toKatakana(surface) ? "*" : f[8];
    const packed = [surface, pos, detail, "", "", "", "", base, reading, ""].join(",");
    let offset = offsets.get(packed);
    if (offset === undefined) {
      const bytes = encoder.encode(`${packed}\0`);
      offset = size;
      offsets.set(packed, offset);
      chunks.push(bytes);
      size += bytes.length;
    }
    view.setInt32(at + FEATURES_OFFSET, offset, true);
  }
  const packed = new Uint8Array(size + 8);
  let at = 0;
  for (const c of chunks) {
    packed.set(c, at);
    at += c.length;
  }
  return { tid: out, features: packed };
}

/** Reads kuromoji's shipped .gz files into the compact sections (the slow path, once). */
export function buildSections(): DictionarySections {
  const map = packTargetMap(gunzip("tid_map.dat.gz"));
  const known = packFeatures(trimPadding(gunzip("tid.dat.gz")), gunzip("tid_pos.dat.gz"));
  return {
    base: gunzip("base.dat.gz"),
    check: gunzip("check.dat.gz"),
    tid: known.tid,
    tidPos: known.features,
    mapOffsets: asBytes(map.offsets),
    mapValues: asBytes(map.values),
    cc: gunzip("cc.dat.gz"),
    unk: trimPadding(gunzip("unk.dat.gz")),
    unkPos: trimPadding(gunzip("unk_pos.dat.gz")),
    // The unknown-word map is read to its very end; it is kept whole.
    unkMap: gunzip("unk_map.dat.gz"),
    // Indexed by character code: trimming would turn rare characters into undefined.
    unkChar: gunzip("unk_char.dat.gz"),
    unkCompat: gunzip("unk_compat.dat.gz"),
    unkInvoke: gunzip("unk_invoke.dat.gz"),
  };
}

/**
 * Layout: a JSON header line padded to 8 bytes ({ magic, sections: [[name,
 * offset, length]…] }), then each section at an 8-byte aligned offset so
 * typed arrays can view the file's buffer without copying.
 */
export function serialize(sections: DictionarySections): Buffer {
  const align = (n: number) => (n + 7) & ~7;
  const table: [SectionName, number, number][] = [];
  let headerSize = 4096;
  let at = headerSize;
  for (const name of SECTIONS) {
    table.push([name, at, sections[name].byteLength]);
    at = align(at + sections[name].byteLength);
  }
  const header = Buffer.from(JSON.stringify({ magic: MAGIC, sections: table }));
  if (header.length + 4 > headerSize) throw new Error("dictionary header too long");
  const out = Buffer.alloc(at);
  out.writeUInt32LE(header.length, 0);
  header.copy(out, 4);
  for (const [name, offset] of table) out.set(sections[name], offset);
  return out;
}

/** The sections of a cache file, or undefined when it is missing, damaged or from another version. */
export function deserialize(file: Buffer): DictionarySections | undefined {
  try {
    if (file.length < 8) return undefined;
    // Typed-array views need aligned offsets; a pooled buffer may not be.
    if (file.byteOffset % 8 !== 0) file = Buffer.from(new Uint8Array(file));
    const headerLength = file.readUInt32LE(0);
    const header = JSON.parse(file.subarray(4, 4 + headerLength).toString("utf8")) as { magic: string; sections: [SectionName, number, number][] };
    if (header.magic !== MAGIC) return undefined;
    const out = {} as DictionarySections;
    for (const [name, offset, length] of header.sections) {
      if (offset + length > file.length) return undefined;
      out[name] = new Uint8Array(file.buffer, file.byteOffset + offset, length);
    }
    return SECTIONS.every((s) => out[s]) ? out : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The prepared sections: read from the cache file, or built from kuromoji's
 * files and written there for next time (best effort: a read-only
 * node_modules only means every start takes the slow path).
 */
export function loadSections(cachePath = defaultCachePath()): DictionarySections {
  try {
    const cached = deserialize(fs.readFileSync(cachePath));
    if (cached) return cached;
  } catch {
    // missing: build below
  }
  const sections = buildSections();
  try {
    fs.mkdirSync(path.dirname(cachePath), { recursive: true });
    const tmp = `${cachePath}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, serialize(sections));
    fs.renameSync(tmp, cachePath);
  } catch {
    // not writable: fine, see above
  }
  return sections;
}
