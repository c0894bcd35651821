import fs from "node:fs";
import yaml from "js-yaml";
import { normalize, toHiragana } from "../../nlu/normalize.js";
import type { TimeOfDay } from "../../nlu/types.js";
import { projectPath } from "../../paths.js";

/** What volunteers can do (multi-select in registration), in display order. */
export const SKILLS = [
  { key: "talk", label: "話し相手" },
  { key: "shopping", label: "買い物の付き添い" },
  { key: "garbage", label: "ゴミ出し" },
  { key: "bulb", label: "電球交換" },
  { key: "weeding", label: "草取り" },
  { key: "driving", label: "送迎(車あり)" },
  { key: "housework", label: "家事" },
  { key: "salon", label: "サロンの運営補助" },
  { key: "exercise", label: "体操の補助" },
  { key: "other", label: "その他" },
] as const;
export type SkillKey = (typeof SKILLS)[number]["key"];

export const skillLabel = (k: string) => SKILLS.find((s) => s.key === k)?.label ?? k;

const fold = (s: string) => toHiragana(normalize(s)).replace(/[\s・]/g, "");
let skillWords: [SkillKey, string[]][] | undefined;

/** The skill words of intents/vocabulary/skills.yaml (read once), folded to hiragana. */
function words(): [SkillKey, string[]][] {
  if (!skillWords) {
    const doc = (yaml.load(fs.readFileSync(projectPath("intents", "vocabulary", "skills.yaml"), "utf8")) ?? {}) as Record<string, unknown>;
    skillWords = SKILLS.map((s) => [s.key, [s.label.replace(/\(.*\)/, ""), ...((Array.isArray(doc[s.key]) ? doc[s.key] : []) as unknown[]).map(String)].map(fold).filter(Boolean)]);
  }
  return skillWords;
}

/** Skills named in a typed answer: 買い物と電球の交換ならできます → shopping, bulb. */
export function skillsInText(text: string): SkillKey[] {
  const t = fold(text);
  return words().filter(([, ws]) => ws.some((w) => t.includes(w))).map(([k]) => k);
}

/**
 * A name as typed: without 私は, です, と申します, よろしくお願いします around it
 * (山田花子です → 山田花子). Null when nothing is left.
 */
export function cleanName(text: string): string | null {
  let s = normalize(text).trim();
  s = s.replace(/[。．.!！、,]+/g, " ").trim();
  s = s.replace(/\s*(よろしく(お願い|おねがい)(いた)?します|よろしくです|よろしく)\s*$/u, "").trim();
  s = s.replace(/^(私|わたし|わたくし|僕|ぼく|俺)(の名前|のなまえ)?(は|が)\s*/u, "").replace(/^(名前|なまえ|氏名)(は|:|：)\s*/u, "");
  s = s.replace(/\s*(と申します|ともうします|と申す者です|といいます|と言います|でございます|です|だよ|だ)\s*$/u, "").trim();
  s = s.replace(/[。．.!！、,\s]+$/u, "").trim();
  return s ? s.slice(0, 40) : null;
}

/** Which skills answer a help request of a category. */
export const SKILLS_FOR_CATEGORY: Record<string, SkillKey[]> = {
  housework: ["housework", "bulb", "garbage", "weeding"],
  shopping: ["shopping", "driving"],
  transport: ["driving"],
  watch: ["talk"],
  meal_delivery: ["housework", "shopping"],
  salon: ["salon", "talk"],
  exercise: ["exercise"],
  hobby: ["salon"],
  meal: ["housework", "salon"],
  dementia_cafe: ["talk", "salon"],
  caregiver: ["talk"],
};

/** A weekly availability slot: these weekdays, at this time of day (any time when absent). */
export interface Slot {
  weekdays: number[];
  timeOfDay?: TimeOfDay;
}

const TOD_JA: Record<TimeOfDay, string> = { morning: "午前", afternoon: "午後", evening: "夕方以降" };

export function describeSlots(slots: Slot[]): string {
  if (slots.length === 0) return "未設定";
  return slots
    .map((s) => {
      const w = s.weekdays.join(",") === "1,2,3,4,5" ? "平日" : s.weekdays.join(",") === "0,6" ? "土日" : s.weekdays.length === 7 ? "毎日" : s.weekdays.map((d) => "日月火水木金土"[d]).join("・") + "曜";
      return `${w}${s.timeOfDay ? "の" + TOD_JA[s.timeOfDay] : ""}`;
    })
    .join("、");
}

export function parseJsonArray<T>(json: string | null | undefined): T[] {
  try {
    const v = JSON.parse(json ?? "[]");
    return Array.isArray(v) ? v : [];
  } catch {
    return [];
  }
}
