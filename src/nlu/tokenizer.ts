import { createRequire } from "node:module";
import path from "node:path";
import kuromoji from "kuromoji";

export interface Token {
  surface: string;
  base: string;
  /** Katakana reading; the surface in katakana when the dictionary has none. */
  reading: string;
  pos: string;
}

export interface Tokenizer {
  tokenize(text: string): Token[];
}

const require = createRequire(import.meta.url);

/** The dictionary shipped inside the kuromoji package, wherever npm put it. */
export function dictionaryPath(): string {
  return path.join(path.dirname(require.resolve("kuromoji/package.json")), "dict");
}

let loading: Promise<Tokenizer> | undefined;

/**
 * One tokenizer per process: loading the dictionary costs ~0.6 s and
 * ~350 MB, so every caller shares the same instance.
 */
export function loadTokenizer(): Promise<Tokenizer> {
  loading ??= new Promise<Tokenizer>((resolve, reject) => {
    kuromoji.builder({ dicPath: dictionaryPath() }).build((err, tk) => {
      if (err) {
        loading = undefined;
        reject(err);
        return;
      }
      resolve({
        tokenize: (text) =>
          tk.tokenize(text).map((t) => ({
            surface: t.surface_form,
            base: t.basic_form === "*" ? t.surface_form : t.basic_form,
            reading: t.reading && t.reading !== "*" ? t.reading : t.surface_form.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60)),
            pos: t.pos,
          })),
      });
    });
  });
  return loading;
}
