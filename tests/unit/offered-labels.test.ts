import { describe, expect, it } from "vitest";
import { readingMatch, writtenMatch } from "../../src/conversation/offered.js";

describe("a typed message matches a button label", () => {
  it.each([
    ["もっと見る", "もっと見る"],
    ["もっと見せてください", "もっと見る"],
    ["もっと見たい！", "もっと見る"],
    ["今はいいです", "今はいい"],
    ["曜日を問わずさがす", "曜日を問わずさがす"],
    ["出席します", "出席"],
    ["欠席でお願いします", "欠席"],
  ])("%s is the button %s", (text, label) => {
    expect(writtenMatch(text, label)).toBe(true);
  });

  it.each([
    ["はいしょく", "はい"],
    ["もっと", "もっと見る"],
    ["体操", "体操・運動"],
    ["蓮根のサロン", "蓮根でさがす"],
    ["引き受けられない", "引き受ける"],
    ["退会しません", "退会する"],
  ])("%s is not the button %s", (text, label) => {
    expect(writtenMatch(text, label)).toBe(false);
  });

  it("compares folded readings for kana input, with polite tails but not other words", () => {
    expect(readingMatch("モトミル", "モトミル")).toBe(true);
    expect(readingMatch("モトミセテ", "モトミル")).toBe(true);
    expect(readingMatch("シュセキシマス", "シュセキ")).toBe(true);
    expect(readingMatch("ハイショク", "ハイ")).toBe(false);
    expect(readingMatch("サロン", "サロンツドイノバ")).toBe(false);
    expect(readingMatch("タイカイシマセン", "タイカイスル")).toBe(false);
    expect(readingMatch("タイカイシナイ", "タイカイスル")).toBe(false);
    expect(readingMatch("トウロクヲヤメタイ", "トウロクスル")).toBe(false);
  });
});
