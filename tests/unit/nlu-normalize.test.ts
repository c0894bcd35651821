import { describe, expect, it } from "vitest";
import { closeJapaneseSpaces, fold, kanjiToNumber, normalize, toKatakana } from "../../src/nlu/normalize.js";

describe("normalisation", () => {
  it.each([
    ["ｻﾛﾝ", "サロン"],
    ["ﾊﾟｿｺﾝ", "パソコン"],
    ["ＡＢＣ１２３", "abc123"],
    ["９：３０", "9:30"],
    ["⻑寿⻘年⻄口", "長寿青年西口"],
    ["十二月三日", "12月3日"],
    ["第二・第四金曜", "第2・第4金曜"],
    ["二十一日", "21日"],
    ["一人暮らし", "一人暮らし"],
    ["サ-ビス", "サービス"],
    ["9時～10時", "9時〜10時"],
    ["😊サロン👍🏻", "サロン"],
    ["  サロン\t\nどこ  ", "サロン どこ"],
  ])("%s → %s", (input, out) => {
    expect(normalize(input)).toBe(out);
  });

  it.each([
    ["ごはん を とどけて ほしい", "ごはんをとどけてほしい"],
    ["ｻﾛﾝ ﾊｽﾈ", "サロンハスネ"],
    ["体操　近く", "体操近く"],
    ["sc登録 abcd", "sc登録 abcd"],
    ["12月3日 13:30 協議体", "12月3日 13:30 協議体"],
    ["line の つかいかた", "line のつかいかた"],
  ])("drops spaces between Japanese words only: %s → %s", (input, out) => {
    expect(closeJapaneseSpaces(normalize(input))).toBe(out);
  });

  it.each([
    ["こんどの かいぎ いけへん", "こんどの かいぎ いけない"],
    ["ようわからへん", "ようわからない"],
    ["来週は来へんわ", "来週は来ないわ"],
    ["そんなん できひん", "そんなん できない"],
    ["ここらへん の さろん", "ここらへん の さろん"],
    ["たいへん です", "たいへん です"],
    ["あのへん", "あのへん"],
  ])("reads western Japan's negation %s as %s (but not ここらへん or たいへん)", (text, expected) => {
    expect(normalize(text)).toBe(expected);
  });

  it("reads kanji numerals up to 99", () => {
    expect([kanjiToNumber("三"), kanjiToNumber("十"), kanjiToNumber("十二"), kanjiToNumber("二十"), kanjiToNumber("九十九")]).toEqual([3, 10, 12, 20, 99]);
  });

  it.each([
    ["たいそう", "たいそお"],
    ["さろん", "さーろん"],
    ["しょくじ", "しよくじ"],
    ["ゆうがた", "ゆーがた"],
    ["ちぢみ", "ちじみ"],
  ])("folds %s and %s to the same key", (a, b) => {
    expect(fold(toKatakana(a))).toBe(fold(toKatakana(b)));
  });
});
