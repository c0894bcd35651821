import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { INTENTS } from "../../src/nlu/types.js";
import { INTENTS_DIR, loadVocabulary, parseTerm, VocabularyError } from "../../src/nlu/vocabulary.js";

function copyIntents(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "intents-"));
  fs.cpSync(INTENTS_DIR, dir, { recursive: true });
  return dir;
}

describe("the intents/ files", () => {
  it("load, define every intent but unknown, and give each one positive examples", () => {
    const v = loadVocabulary();
    expect(v.intents.map((i) => i.intent).sort()).toEqual(INTENTS.filter((i) => i !== "unknown").sort());
    for (const i of v.intents) expect(i.examples.positive.length, i.intent).toBeGreaterThan(0);
    expect(v.categories.map((c) => c.key)).toEqual(
      expect.arrayContaining(["salon", "exercise", "hobby", "meal", "dementia_cafe", "caregiver", "meal_delivery", "shopping", "transport", "housework", "watch", "consultation"]),
    );
  });

  it("let a coordinator add a synonym without code", async () => {
    const dir = copyIntents();
    const file = path.join(dir, "vocabulary/categories.yaml");
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace("terms: [サロン,", "terms: [ゆんたく, サロン,"));
    const v = loadVocabulary(dir);
    expect(v.categories.find((c) => c.key === "salon")!.terms.map((t) => t.text)).toContain("ゆんたく");
  });

  it("reject a broken file with a message naming the file and field", () => {
    const dir = copyIntents();
    fs.writeFileSync(path.join(dir, "greeting.yaml"), "intent: greeting\ncues:\n  - weight: high\n    terms: [こんにちは]\n");
    expect(() => loadVocabulary(dir)).toThrow(/greeting\.yaml: cues\[0\]\.weight/);
    fs.writeFileSync(path.join(dir, "greeting.yaml"), "intent: greting\ncues: []\n");
    expect(() => loadVocabulary(dir)).toThrow(VocabularyError);
  });

  it("count a term a coordinator wrote twice in one list once, at its larger weight", () => {
    const dir = copyIntents();
    const file = path.join(dir, "vocabulary/categories.yaml");
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace("terms: [サロン,", "terms: [ゆんたく@0.5, サロン, ゆんたく,"));
    const salon = loadVocabulary(dir).categories.find((c) => c.key === "salon")!;
    expect(salon.terms.filter((t) => t.text === "ゆんたく")).toEqual([{ text: "ゆんたく", reading: undefined, weight: 1 }]);
  });

  it("reject a `requires` that names a slot the intent does not have", () => {
    const dir = copyIntents();
    const file = path.join(dir, "set_area.yaml");
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace("requires: [area]", "requires: [category]"));
    expect(() => loadVocabulary(dir)).toThrow(/set_area\.yaml: requires "category"/);
  });

  it("read the term syntax", () => {
    expect(parseTerm("体操", "t")).toEqual({ text: "体操", reading: undefined, weight: 1 });
    expect(parseTerm("蓮根|はすね", "t")).toEqual({ text: "蓮根", reading: "はすね", weight: 1 });
    expect(parseTerm("教室@0.6", "t")).toEqual({ text: "教室", reading: undefined, weight: 0.6 });
    expect(() => parseTerm("蓮根|hasune", "t")).toThrow(/kana/);
  });
});
