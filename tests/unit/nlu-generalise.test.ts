import { beforeAll, describe, expect, it } from "vitest";
import { featuresOf, NaiveBayes } from "../../src/nlu/learned.js";
import type { Router } from "../../src/nlu/router.js";
import { buildIndex, withSynonyms } from "../../src/nlu/synonyms.js";
import { loadVocabulary } from "../../src/nlu/vocabulary.js";
import { demoRouter } from "../support/router.js";

const NOW = new Date("2026-12-01T01:00:00Z");
const item = (midashi: string, vocabularyNumber: number, extra: object = {}) => ({ midashi, vocabularyNumber, expandControl: 0, gokeiSyubetsu: "代表語", hyoukiYure: "代表表記", ...extra });

describe("the synonym dictionary widens the vocabulary", () => {
  it("adds a term's same-vocabulary variants at a lower weight, not the group's other words or its errors", () => {
    const index = buildIndex([{ items: [item("カフェ", 1), item("cafe", 1), item("カフエ", 1, { hyoukiYure: "間違い表記" }), item("喫茶店", 2)] }]);
    expect(index.get("カフェ")).toEqual(["cafe"]);
    const vocab = loadVocabulary();
    const widened = withSynonyms(vocab, index);
    const cafe = widened.categories.find((c) => c.key === "dementia_cafe")!;
    expect(cafe.terms.find((t) => t.text === "cafe")?.weight).toBeLessThan(1);
    expect(cafe.terms.some((t) => t.text === "喫茶店")).toBe(false);
    // Emergency words are never widened: they must stay exactly as written.
    expect(widened.intents.find((i) => i.intent === "emergency")).toEqual(vocab.intents.find((i) => i.intent === "emergency"));
  });
});

describe("understanding what people type", () => {
  let router: Router;
  beforeAll(async () => {
    router = await demoRouter();
  });

  it.each([
    ["ＣＡＦＥってどこにありますか", "dementia_cafe"],
    ["ＳＡＬＯＮ", "salon"],
    ["ｻﾛﾝ ﾄﾞｺ", "salon"],
  ])("full-width and half-width letters (%s) are read like ordinary text", (text, category) => {
    const r = router.route(text, NOW);
    expect(r.intent).toBe("find_place");
    expect(r.slots.category).toBe(category);
  });

  it("a message the rules cannot place gets candidates with labels instead of a bare unknown", () => {
    const r = router.route("手伝い", NOW);
    expect(r.intent).toBe("unknown");
    expect(r.candidates?.map((c) => c.intent)).toEqual(expect.arrayContaining(["request_help", "volunteer_register"]));
    expect(r.candidates?.every((c) => c.label.length > 0 && c.label.length <= 20)).toBe(true);
  });

  it("the learned model ranks the intent whose examples share the message's characters and readings", () => {
    const nb = new NaiveBayes([
      { label: "find_place", features: featuresOf({ normalized: "体操", folded: "タイソ" }) },
      { label: "find_service", features: featuresOf({ normalized: "配食", folded: "ハイショク" }) },
    ]);
    expect(nb.predict(featuresOf({ normalized: "たいそう", folded: "タイソ" }))[0].intent).toBe("find_place");
    expect(nb.predict(featuresOf({ normalized: "zzz", folded: "" }))).toEqual([]);
  });
});
