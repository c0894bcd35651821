import fs from "node:fs";
import yaml from "js-yaml";
import { projectPath } from "../paths.js";

/**
 * The municipality's own settings (intents/settings/municipality.yaml): emergency and
 * helpline numbers, the account's name and add-friend URL. Read once at
 * start-up with the rest of the configuration; anything missing falls back to
 * the national defaults below.
 */

export interface PhoneLine {
  name: string;
  /** As dialled: 119, #7119, 0120-279-338. */
  number: string;
  hours?: string;
}

/** Wording of the safety answers; {placeholders} are filled in by the bot. */
export interface SafetyWording {
  /** {number}: the emergency number. */
  call: string;
  /** {name} {number} {hours}: the advice line (#7119). */
  advice: string;
  /** {centre} {phone}: the resident's 地域包括支援センター or the fallback. */
  centre: string;
  /** Despair: the first, calm words. */
  listen: string;
  /** {lines}: one line per helpline; {number}: the emergency number. */
  helplines: string;
  /** {centre} {phone}. */
  despairCentre: string;
}

export interface MunicipalitySettings {
  name: string;
  accountName: string;
  addFriendUrl: string;
  emergency: { number: string; advice?: PhoneLine; fallbackCentre?: PhoneLine };
  despair: { helplines: PhoneLine[] };
  wording: SafetyWording;
}

const DEFAULT_WORDING: SafetyWording = {
  call: "今すぐ{number}番に電話してください。\n火事のときも、救急車を呼ぶときも{number}番です。\n火事のときは、まず安全な場所へ逃げてください。",
  advice: "救急車を呼ぶか迷うときは、{name}（{number}・{hours}）に電話して相談できます。",
  centre: "落ち着いたら、{centre}にもご連絡ください。\n電話：{phone}",
  listen: "話してくださって、ありがとうございます。\nつらいお気持ちを、ひとりで抱えこまないでください。",
  helplines: "いま、話を聞いてもらえる電話があります。\n{lines}\n命の危険が迫っているときは、すぐに{number}番へ。",
  despairCentre: "{centre}でも、ゆっくり話を聞いてもらえます。\n電話：{phone}",
};

export const MUNICIPALITY_FILE = projectPath("intents", "settings", "municipality.yaml");

/** National numbers: 119 for fire and ambulance, two national helplines. */
export const NATIONAL_DEFAULTS: MunicipalitySettings = {
  name: "",
  accountName: "ささえあいLINE",
  addFriendUrl: "",
  emergency: { number: "119" },
  despair: {
    helplines: [
      { name: "よりそいホットライン", number: "0120-279-338", hours: "24時間・無料" },
      { name: "こころの健康相談統一ダイヤル", number: "0570-064-556" },
    ],
  },
  wording: DEFAULT_WORDING,
};

export class SettingsError extends Error {}

function str(v: unknown, where: string, fallback: string): string {
  if (v === undefined || v === null) return fallback;
  if (typeof v !== "string" && typeof v !== "number") throw new SettingsError(`${where}: must be a text`);
  return String(v).trim();
}

function line(v: unknown, where: string): PhoneLine | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "object") throw new SettingsError(`${where}: must have name and number`);
  const o = v as Record<string, unknown>;
  const name = str(o.name, `${where}.name`, "");
  const number = str(o.number, `${where}.number`, "");
  if (!name || !number) throw new SettingsError(`${where}: needs both name and number`);
  if (!/^[#\d][\d-]*$/.test(number)) throw new SettingsError(`${where}.number: "${number}" is not a phone number`);
  const hours = o.hours === undefined ? undefined : str(o.hours, `${where}.hours`, "");
  return { name, number, ...(hours ? { hours } : {}) };
}

export function parseMunicipality(doc: unknown, file = "municipality.yaml"): MunicipalitySettings {
  if (doc === undefined || doc === null) return NATIONAL_DEFAULTS;
  if (typeof doc !== "object") throw new SettingsError(`${file}: not a mapping`);
  const d = doc as Record<string, any>;
  const url = str(d.addFriendUrl, `${file}: addFriendUrl`, NATIONAL_DEFAULTS.addFriendUrl);
  if (url && !/^https:\/\//.test(url)) throw new SettingsError(`${file}: addFriendUrl must start with https://`);
  const emergencyNumber = str(d.emergency?.number, `${file}: emergency.number`, NATIONAL_DEFAULTS.emergency.number);
  const helplines = Array.isArray(d.despair?.helplines)
    ? d.despair.helplines.map((h: unknown, i: number) => line(h, `${file}: despair.helplines[${i}]`)!).filter(Boolean)
    : NATIONAL_DEFAULTS.despair.helplines;
  return {
    name: str(d.name, `${file}: name`, NATIONAL_DEFAULTS.name),
    accountName: str(d.accountName, `${file}: accountName`, NATIONAL_DEFAULTS.accountName),
    addFriendUrl: url,
    emergency: {
      number: emergencyNumber,
      advice: line(d.emergency?.advice, `${file}: emergency.advice`),
      fallbackCentre: line(d.emergency?.fallbackCentre, `${file}: emergency.fallbackCentre`),
    },
    despair: { helplines: helplines.length ? helplines : NATIONAL_DEFAULTS.despair.helplines },
    wording: Object.fromEntries(
      Object.entries(DEFAULT_WORDING).map(([k, v]) => [k, str(d.wording?.[k], `${file}: wording.${k}`, v) || v]),
    ) as unknown as SafetyWording,
  };
}

export function loadMunicipality(file = MUNICIPALITY_FILE): MunicipalitySettings {
  if (!fs.existsSync(file)) return NATIONAL_DEFAULTS;
  let doc: unknown;
  try {
    doc = yaml.load(fs.readFileSync(file, "utf8"));
  } catch (err) {
    throw new SettingsError(`${file}: ${(err as Error).message.split("\n")[0]}`);
  }
  return parseMunicipality(doc, file);
}
