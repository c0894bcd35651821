import type { Nlu } from "../../src/nlu/nlu.js";
import type { IntentName, Slots } from "../../src/nlu/types.js";

/**
 * A router for tests that are about the webhook path, not language: answers
 * from a fixed table so those tests do not load the tokenizer dictionary.
 */
export function tableNlu(table: Record<string, { intent: IntentName; slots?: Slots }> = {}): Nlu {
  return {
    route(text) {
      const hit = table[text];
      return { text, normalized: text, reading: "", intent: hit?.intent ?? "help", confidence: 1, slots: hit?.slots ?? {} };
    },
  };
}
