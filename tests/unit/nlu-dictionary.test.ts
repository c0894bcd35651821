import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import kuromoji from "kuromoji";
import { beforeAll, describe, expect, it } from "vitest";
import { readCorpus } from "../../src/nlu/corpus.js";
import { buildSections, deserialize, loadSections, serialize, type DictionarySections } from "../../src/nlu/dictionary.js";
import { loadTokenizer, type Tokenizer } from "../../src/nlu/tokenizer.js";

const CORPUS = path.resolve(import.meta.dirname, "../fixtures/nlu-corpus.tsv");

describe("the prepared kuromoji dictionary", () => {
  let sections: DictionarySections;
  beforeAll(() => {
    sections = buildSections();
  });

  it("is much smaller than kuromoji's padded files and survives a round trip through the cache file", () => {
    const file = serialize(sections);
    expect(file.length).toBeLessThan(80 * 1024 * 1024);
    const back = deserialize(file)!;
    for (const name of Object.keys(sections) as (keyof DictionarySections)[]) expect(Buffer.compare(back[name], sections[name]), name).toBe(0);
  });

  it("ignores a damaged or foreign cache file, rebuilds it and reads it back next time", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dict-"));
    const cache = path.join(dir, "nested", "dict.bin");
    expect(deserialize(Buffer.from("not a dictionary"))).toBeUndefined();
    const damaged = serialize(sections).subarray(0, 1024 * 1024);
    expect(deserialize(Buffer.from(damaged))).toBeUndefined();
    fs.mkdirSync(path.dirname(cache), { recursive: true });
    fs.writeFileSync(cache, damaged);
    loadSections(cache);
    expect(deserialize(fs.readFileSync(cache))).toBeDefined();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  describe("when residents' messages are tokenized", () => {
    let ours: Tokenizer;
    let original: kuromoji.Tokenizer<kuromoji.IpadicFeatures>;
    beforeAll(async () => {
      ours = await loadTokenizer();
      original = await new Promise((resolve, reject) =>
        kuromoji.builder({ dicPath: path.join(path.dirname(require.resolve("kuromoji/package.json")), "dict") }).build((err, tk) => (err ? reject(err) : resolve(tk))),
      );
    }, 30_000);

    it("splits, reads and tags every corpus utterance exactly as kuromoji's own loader does", () => {
      const texts = readCorpus(CORPUS).map((u) => u.text);
      texts.push("𠮷野家で🍣を食べたｶﾀｶﾅ半角！！ABCabc１２３", "ﾊｽﾈﾉｻﾛﾝ", "ゔぁゔぃ", "鬱".repeat(60), "ＡＢＣ　ｄｅｆ");
      for (const text of texts) {
        const expected = original.tokenize(text).map((t) => [t.surface_form, t.basic_form, t.reading ?? "", t.pos]);
        const got = ours.tokenize(text).map((t) => [t.surface, t.base, t.reading, t.pos]);
        expect(got.map((t) => [t[0], t[3]]), text).toEqual(expected.map((t) => [t[0], t[3]]));
        got.forEach((t, i) => {
          if (expected[i][1] !== "*") expect(t[1], text).toBe(expected[i][1]);
          if (expected[i][2] && expected[i][2] !== "*") expect(t[2], text).toBe(expected[i][2]);
        });
      }
    });
  });
});
