import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import kuromoji from "kuromoji";
import { beforeAll, describe, expect, it } from "vitest";
import { readCorpus } from "../../src/nlu/corpus.js";
import { buildSections, deserialize, loadSections, serialize, type DictionarySections } from "../../src/nlu/dictionary.js";
import { kuromojiTokenizer, loadTokenizer, type Tokenizer } from "../../src/nlu/tokenizer.js";

const CORPUS = path.resolve(import.meta.dirname, "../../intents/corpus.tsv");

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

  describe("the lattice builder", () => {
    type Node = { name: number; cost: number; start_pos: number; length: number; type: string; left_id: number; right_id: number; surface_form: string };
    type Lattice = { nodes_end_at: (Node[] | undefined)[]; eos_pos: number };
    const shape = (l: Lattice) => ({ eos: l.eos_pos, nodes: l.nodes_end_at.map((ns) => (ns ?? []).map((n) => [n.name, n.cost, n.start_pos, n.length, n.type, n.left_id, n.right_id, n.surface_form])) });
    let tk: ReturnType<typeof kuromojiTokenizer>;
    let kuromojiBuild: (text: string) => Lattice;
    beforeAll(() => {
      tk = kuromojiTokenizer(sections);
      const ViterbiBuilder = createRequire(import.meta.url)("kuromoji/src/viterbi/ViterbiBuilder.js");
      kuromojiBuild = (text) => ViterbiBuilder.prototype.build.call(tk.viterbi_builder, text);
    });

    it("builds kuromoji's lattice node for node, for the corpus and for random mixes of every kind of character", () => {
      const texts = readCorpus(CORPUS).map((u) => u.text);
      const pools = ["あいうえおかきくけこさしすせそはすねのさろんゃゅょっー", "サロンタイソウカフェァィゥェォッヴー", "ｻﾛﾝﾀｲｿｳｶﾌｪｧｨｯｰﾞﾟ", "蓮根高島平認知症体操食事会配食鬱𠮷", "abcXYZ019 ._-", "０１２３ＡＢＣ！？、。「」（）", "🍣🙂👍🏻", "\udc00\t\n"];
      let seed = 12345;
      const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
      for (let i = 0; i < 400; i++) {
        let text = "";
        const len = 1 + rand(30);
        while ([...text].length < len) {
          const pool = [...pools[rand(pools.length)]];
          text += pool[rand(pool.length)];
        }
        texts.push(text);
      }
      texts.push("ｰｰｰｰ", "123456789012345678901234567890", "ああああああああああああ", "🍣🍣🍣🍣", "a");
      for (const text of texts) expect(shape(tk.viterbi_builder.build(text) as Lattice), text).toEqual(shape(kuromojiBuild(text)));
    });

    it("tokenizes text with a broken surrogate, where kuromoji's own builder throws", async () => {
      const broken = "サロン\ud800です";
      expect(() => kuromojiBuild(broken)).toThrow();
      const tokens = (await loadTokenizer()).tokenize(broken);
      expect(tokens.map((t) => t.surface).join("")).toBe(broken);
    });
  });
});
