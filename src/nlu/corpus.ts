import fs from "node:fs";
import type { RouteResult } from "./types.js";
import type { IntentName, Slots } from "./types.js";

/** The labelled corpus format (intents/corpus.tsv) and its scoring. */

export interface LabelledUtterance {
  line: number;
  text: string;
  intent: IntentName;
  slots: Slots;
}

export function parseSlots(s: string): Slots {
  const out: Record<string, unknown> = {};
  for (const part of s.split(";").map((x) => x.trim()).filter(Boolean)) {
    const [k, v] = part.split("=");
    if (k === "weekdays") out[k] = v.split(",").map(Number);
    else if (k === "nearby" || k === "free" || k === "attending") out[k] = v === "true";
    else out[k] = v;
  }
  return out as Slots;
}

export function readCorpus(file: string): LabelledUtterance[] {
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .map((l, i) => ({ l, line: i + 1 }))
    .filter(({ l }) => l.trim() && !l.startsWith("#"))
    .map(({ l, line }) => {
      const [text, intent, slots = ""] = l.split("\t");
      return { line, text, intent: intent.trim() as IntentName, slots: parseSlots(slots) };
    });
}

/** Slots that must match when labelled, and must be absent when not: a wrong area or category is an error too. */
const STRICT_SLOTS = ["area", "category"] as const;

export interface CorpusReport {
  total: number;
  intentAccuracy: number;
  slotAccuracy: number;
  intentErrors: { line: number; text: string; expected: string; got: string }[];
  slotErrors: { line: number; text: string; expected: Slots; got: Slots }[];
}

/** Evaluates a synchronous router (the in-process one), as the corpus test and `npm run nlu` use it. */
export function evaluate(nlu: { route(text: string, now: Date): RouteResult }, corpus: LabelledUtterance[], now: Date): CorpusReport {
  const intentErrors: CorpusReport["intentErrors"] = [];
  const slotErrors: CorpusReport["slotErrors"] = [];
  let slotChecks = 0;
  let slotOk = 0;
  for (const u of corpus) {
    const r = nlu.route(u.text, now);
    if (r.intent !== u.intent) {
      // A wrong intent is a slot miss too: its slots answer the wrong question.
      intentErrors.push({ line: u.line, text: u.text, expected: u.intent, got: r.intent });
      slotChecks++;
      slotErrors.push({ line: u.line, text: u.text, expected: u.slots, got: r.slots });
      continue;
    }
    const keys = new Set<string>([...Object.keys(u.slots), ...STRICT_SLOTS]);
    let ok = true;
    for (const k of keys) {
      const want = (u.slots as Record<string, unknown>)[k];
      const got = (r.slots as Record<string, unknown>)[k];
      if (want === undefined && got === undefined) continue;
      if (JSON.stringify(want) !== JSON.stringify(got)) ok = false;
    }
    if (Object.keys(u.slots).length > 0 || !ok) {
      slotChecks++;
      if (ok) slotOk++;
      else slotErrors.push({ line: u.line, text: u.text, expected: u.slots, got: r.slots });
    }
  }
  return {
    total: corpus.length,
    intentAccuracy: (corpus.length - intentErrors.length) / corpus.length,
    slotAccuracy: slotChecks === 0 ? 1 : slotOk / slotChecks,
    intentErrors,
    slotErrors,
  };
}
