import { describe, expect, it } from "vitest";
import { parseAlias } from "../../src/nlu/alias.js";

describe("area aliases from the areas sheet", () => {
  it.each([
    ["坂上", { text: "坂上" }],
    ["坂上（さかうえ）", { text: "坂上", reading: "さかうえ" }],
    ["坂上(さかうえ)", { text: "坂上", reading: "さかうえ" }],
    ["坂上 ( サカウエ )", { text: "坂上", reading: "サカウエ" }],
    ["坂上|さかうえ", { text: "坂上", reading: "さかうえ" }],
    ["ｻｶｳｴ", { text: "サカウエ" }],
    // Not a reading: brackets around kanji stay part of the name.
    ["高島平(団地)", { text: "高島平(団地)" }],
  ])("reads %s", (raw, alias) => {
    expect(parseAlias(raw)).toEqual(alias);
  });
});
