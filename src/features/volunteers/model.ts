import type { TimeOfDay } from "../../nlu/types.js";

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
