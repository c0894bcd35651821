/**
 * Turns file bytes into text: UTF-8 (with or without BOM), UTF-16 (BOM, or
 * the zero bytes of ASCII characters), or Shift_JIS/cp932, which is what
 * Japanese Excel saves as "CSV". `--encoding` overrides the guess.
 */
export type Encoding = "utf-8" | "shift_jis" | "utf-16le" | "utf-16be";

const ALIASES: Record<string, Encoding> = {
  utf8: "utf-8", "utf-8": "utf-8", sjis: "shift_jis", shift_jis: "shift_jis", "shift-jis": "shift_jis", cp932: "shift_jis",
  "windows-31j": "shift_jis", ms932: "shift_jis", "utf-16": "utf-16le", utf16: "utf-16le", "utf-16le": "utf-16le", "utf-16be": "utf-16be",
};

export function parseEncoding(name: string): Encoding {
  const e = ALIASES[name.toLowerCase()];
  if (!e) throw new Error(`unknown encoding "${name}" (utf-8, shift_jis, utf-16le, utf-16be)`);
  return e;
}

export function detectEncoding(buf: Uint8Array): Encoding {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return "utf-8";
  if (buf[0] === 0xff && buf[1] === 0xfe) return "utf-16le";
  if (buf[0] === 0xfe && buf[1] === 0xff) return "utf-16be";
  const sample = buf.subarray(0, 4000);
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) (i % 2 === 0 ? evenZeros++ : oddZeros++);
  if (oddZeros > sample.length / 8) return "utf-16le";
  if (evenZeros > sample.length / 8) return "utf-16be";
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(buf);
    return "utf-8";
  } catch {
    return "shift_jis";
  }
}

export function decodeText(buf: Uint8Array, encoding?: Encoding): { text: string; encoding: Encoding } {
  const enc = encoding ?? detectEncoding(buf);
  let bytes = buf;
  if (enc === "utf-16be") {
    // TextDecoder has no BE decoder everywhere: swap to LE.
    const swapped = new Uint8Array(buf.length - (buf.length % 2));
    for (let i = 0; i + 1 < buf.length; i += 2) {
      swapped[i] = buf[i + 1];
      swapped[i + 1] = buf[i];
    }
    bytes = swapped;
  }
  const text = new TextDecoder(enc === "utf-16be" ? "utf-16le" : enc).decode(bytes);
  return { text: text.replace(/^\uFEFF/, ""), encoding: enc };
}
