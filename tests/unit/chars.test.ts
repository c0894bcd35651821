import { describe, expect, it } from "vitest";
import { truncate } from "../../src/line/limits.js";
import { firstChars, longerThan } from "../../src/util/chars.js";

describe("limits counted in characters, as LINE counts them", () => {
  it("counts an emoji or a rare kanji as one character and never cuts one in half", () => {
    const text = "🍣𠮷あ".repeat(3);
    expect(longerThan(text, 9)).toBe(false);
    expect(longerThan(text, 8)).toBe(true);
    expect(firstChars(text, 4)).toBe("🍣𠮷あ🍣");
    expect(firstChars(text, 9)).toBe(text);
    expect(truncate(text, 9)).toBe(text);
    expect(truncate(text, 5)).toBe("🍣𠮷あ🍣…");
  });

  it("leaves short plain texts as they are", () => {
    expect(firstChars("はすねのさろん", 100)).toBe("はすねのさろん");
    expect(truncate("", 5)).toBe("");
    expect(longerThan("abc", 3)).toBe(false);
    expect(longerThan("abcd", 3)).toBe(true);
  });
});
