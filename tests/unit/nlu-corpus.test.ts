import { INTENTS } from "../../src/nlu/types.js";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { evaluate, readCorpus } from "../../src/nlu/corpus.js";
import type { Router } from "../../src/nlu/router.js";
import { demoRouter } from "../support/router.js";

const CORPUS = path.resolve(import.meta.dirname, "../../intents/corpus.tsv");
// The corpus labels relative dates (明日, 来週) for this moment: Tuesday 2026-12-01 10:00 in Tokyo.
const NOW = new Date("2026-12-01T01:00:00Z");

describe("intent routing on the labelled corpus", () => {
  let router: Router;
  beforeAll(async () => {
    router = await demoRouter();
  });

  it("has at least 400 utterances covering every intent", () => {
    const corpus = readCorpus(CORPUS);
    expect(corpus.length).toBeGreaterThanOrEqual(400);
    const intents = new Set(corpus.map((u) => u.intent));
    expect([...INTENTS].filter((i) => !intents.has(i))).toEqual([]);
  });

  it("routes at least 95% of utterances to the labelled intent and fills at least 95% of slots correctly", () => {
    const report = evaluate(router, readCorpus(CORPUS), NOW);
    const detail = JSON.stringify({ intentErrors: report.intentErrors, slotErrors: report.slotErrors }, null, 1);
    expect(report.intentAccuracy, detail).toBeGreaterThanOrEqual(0.95);
    expect(report.slotAccuracy, detail).toBeGreaterThanOrEqual(0.95);
  });

  it.each([
    ["tests/fixtures/nlu-heldout.tsv", 0.95, 0.9],
    ["tests/fixtures/nlu-heldout-2.tsv", 0.95, 0.9],
    ["tests/fixtures/nlu-heldout-3.tsv", 0.9, 0.75],
    ["tests/fixtures/nlu-heldout-4.tsv", 0.95, 0.9],
    ["tests/fixtures/nlu-heldout-5.tsv", 0.85, 0.6],
    ["tests/fixtures/nlu-heldout-6.tsv", 0.97, 0.95],
    // Never tuned on: a fall below these is a regression on phrasings the rules were not written for.
    ["tests/fixtures/nlu-heldout-7.tsv", 0.95, 0.85],
    ["tests/fixtures/nlu-heldout-8.tsv", 0.95, 0.9],
    ["tests/fixtures/nlu-heldout-9.tsv", 0.95, 0.86],
    ["tests/fixtures/nlu-heldout-10.tsv", 0.97, 0.95],
    ["tests/fixtures/nlu-heldout-11.tsv", 0.95, 0.9],
    ["tests/fixtures/nlu-heldout-12.tsv", 0.92, 0.8],
    // Longer messages never tuned on: the weakest kind (see README).
    ["tests/fixtures/nlu-heldout-13.tsv", 0.75, 0.7],
    ["tests/fixtures/nlu-heldout-14.tsv", 0.95, 0.9],
    ["tests/fixtures/nlu-heldout-15.tsv", 0.9, 0.6],
    ["tests/fixtures/nlu-heldout-16.tsv", 0.85, 0.75],
    ["tests/fixtures/nlu-heldout-17.tsv", 0.95, 0.9],
    ["tests/fixtures/nlu-heldout-18.tsv", 0.97, 0.8],
    ["tests/fixtures/nlu-heldout-19.tsv", 0.87, 0.8],
    ["tests/fixtures/nlu-heldout-20.tsv", 0.92, 0.85],
    ["tests/fixtures/nlu-heldout-21.tsv", 0.87, 0.7],
    ["tests/fixtures/nlu-heldout-22.tsv", 0.92, 0.88],
    ["tests/fixtures/nlu-heldout-23.tsv", 0.9, 0.76],
    ["tests/fixtures/nlu-heldout-24.tsv", 0.92, 0.85],
    ["tests/fixtures/nlu-heldout-25.tsv", 0.9, 0.7],
    ["tests/fixtures/nlu-heldout-26.tsv", 0.95, 0.7],
    ["tests/fixtures/nlu-heldout-27.tsv", 0.9, 0.5],
    ["tests/fixtures/nlu-heldout-28.tsv", 0.97, 0.95],
    ["tests/fixtures/nlu-heldout-29.tsv", 0.97, 0.9],
    ["tests/fixtures/nlu-heldout-30.tsv", 0.97, 0.95],
    ["tests/fixtures/nlu-heldout-31.tsv", 0.97, 0.88],
    // Long messages, the request after the background.
    ["tests/fixtures/nlu-heldout-32.tsv", 0.95, 0.9],
    ["tests/fixtures/nlu-heldout-33.tsv", 0.9, 0.75],
    // Every role's everyday wording again: dialect endings, kana-only, half-width, a relative's area.
    ["tests/fixtures/nlu-heldout-34.tsv", 0.9, 0.75],
    ["tests/fixtures/nlu-heldout-35.tsv", 0.9, 0.65],
    // Long messages again.
    ["tests/fixtures/nlu-heldout-36.tsv", 0.95, 0.9],
    ["tests/fixtures/nlu-heldout-37.tsv", 0.95, 0.8],
    // All typed in kana.
    ["tests/fixtures/nlu-heldout-38.tsv", 0.95, 0.9],
    ["tests/fixtures/nlu-heldout-39.tsv", 0.95, 0.85],
    // The classes issue 17 names, in new wordings.
    ["tests/fixtures/nlu-heldout-40.tsv", 0.9, 0.8],
    ["tests/fixtures/nlu-heldout-41.tsv", 0.8, 0.7],
    ["tests/fixtures/nlu-heldout-42.tsv", 0.75, 0.6],
    ["tests/fixtures/nlu-heldout-43.tsv", 0.7, 0.4],
    ["tests/fixtures/nlu-heldout-44.tsv", 0.95, 0.85],
    // Regional endings (development) and plain polite speech (test).
    ["tests/fixtures/nlu-heldout-45.tsv", 0.75, 0.6],
    ["tests/fixtures/nlu-heldout-46.tsv", 0.95, 0.9],
    // A shape with no keyword, the service-or-request boundary, a relative's area, long messages.
    ["tests/fixtures/nlu-heldout-47.tsv", 0.7, 0.6],
    ["tests/fixtures/nlu-heldout-48.tsv", 0.8, 0.75],
    // Coordinators', members' and volunteers' own requests.
    ["tests/fixtures/nlu-heldout-49.tsv", 0.8, 0.35],
    ["tests/fixtures/nlu-heldout-50.tsv", 0.9, 0.65],
    // Slips of the keyboard, emoji, heavy punctuation.
    ["tests/fixtures/nlu-heldout-51.tsv", 0.95, 0.8],
    // Regional speech from several parts of Japan.
    ["tests/fixtures/nlu-heldout-52.tsv", 0.8, 0.65],
    ["tests/fixtures/nlu-heldout-53.tsv", 0.85, 0.7],
    // Every style at once, written after the session's work: its untuned score is the estimate.
    ["tests/fixtures/nlu-heldout-54.tsv", 0.95, 0.9],
    ["tests/fixtures/nlu-heldout-55.tsv", 0.4, 0.1],
    ["tests/fixtures/nlu-heldout-56.tsv", 0.9, 0.7],
    // All kana, in other words.
    ["tests/fixtures/nlu-heldout-57.tsv", 0.95, 0.8],
    ["tests/fixtures/nlu-heldout-58.tsv", 0.95, 0.85],
    ["tests/fixtures/nlu-heldout-59.tsv", 0.7, 0.45],
    ["tests/fixtures/nlu-heldout-60.tsv", 0.85, 0.8],
  ])("scores the held-out set %s (printed; untuned figures are in its header)", (file, minIntent, minSlots) => {
    const set = readCorpus(path.resolve(import.meta.dirname, "../..", file));
    const report = evaluate(router, set, NOW);
    const kana = set.filter((u) => /^[\u3040-\u309f\u30a0-\u30ff\uff66-\uff9f\s、。！？!?ー〜]+$/.test(u.text));
    const kanaReport = evaluate(router, kana, NOW);
    console.log(`${file}: ${set.length} utterances, intent ${(report.intentAccuracy * 100).toFixed(1)} %, slots ${(report.slotAccuracy * 100).toFixed(1)} %, kana-only ${kana.length ? `${(kanaReport.intentAccuracy * 100).toFixed(1)} % of ${kana.length}` : "none"}`);
    const detail = JSON.stringify({ intentErrors: report.intentErrors, slotErrors: report.slotErrors }, null, 1);
    expect(report.intentAccuracy, detail).toBeGreaterThanOrEqual(minIntent);
    expect(report.slotAccuracy, detail).toBeGreaterThanOrEqual(minSlots);
  });
});
