import type { Area, Category } from "../generated/prisma/client.js";
import { parseAlias } from "../nlu/alias.js";
import { normalize, toHiragana } from "../nlu/normalize.js";
import { loadVocabulary } from "../nlu/vocabulary.js";
import { distanceMeters } from "../features/search/distance.js";

/** Finding the category and the area a row belongs to, and saying how. */

export interface Resolver {
  category(value: string): string | null;
  guessCategory(text: string): string | null;
  serviceCategory(serviceType: string): string | null;
  areaByName(value: string): Area | null;
  areaInAddress(address: string): Area | null;
  nearestArea(lat: number, lng: number): Area | null;
}

/** 介護サービス情報公表 service types, mapped to the bot's categories. */
const SERVICE_TYPES: [RegExp, string][] = [
  [/配食|給食/, "meal_delivery"],
  [/移送|福祉有償運送|通院等乗降|介護タクシー/, "transport"],
  [/訪問介護|訪問型|生活援助|家事/, "housework"],
  [/通所|デイサービス|デイケア|短期集中予防/, "exercise"],
  [/居宅介護支援|地域包括|介護予防支援|相談/, "consultation"],
  [/見守り|安否|緊急通報/, "watch"],
  [/認知症対応型通所/, "dementia_cafe"],
];

const NEAREST_AREA_LIMIT_M = 3000;
const PREFECTURE = /^(東京都|北海道|京都府|大阪府|.{2,3}県)/;

export function createResolver(categories: Category[], areas: Area[]): Resolver {
  const byKey = new Map(categories.map((c) => [c.key, c.key]));
  const byLabel = new Map(categories.map((c) => [normalize(c.label), c.key]));
  const vocab = loadVocabulary().categories.map((c) => ({ key: c.key, terms: c.terms.map((t) => ({ text: normalize(t.text), weight: t.weight })) }));
  const layer2 = areas.filter((a) => a.kind === "area" || a.kind === "unit");
  const names: { area: Area; key: string }[] = [];
  for (const a of layer2) {
    names.push({ area: a, key: normalize(a.name) });
    if (a.reading) names.push({ area: a, key: toHiragana(normalize(a.reading)) });
    let aliases: string[] = [];
    try {
      aliases = JSON.parse(a.aliases);
    } catch {
      aliases = [];
    }
    for (const x of aliases) names.push({ area: a, key: parseAlias(x).text });
  }
  names.sort((x, y) => y.key.length - x.key.length);
  const municipalities = areas.filter((a) => a.kind === "municipality").map((a) => normalize(a.name)).sort((x, y) => y.length - x.length);

  const guess = (text: string) => {
    const t = normalize(text);
    let best: string | null = null;
    let score = 0;
    for (const c of vocab) {
      const s = c.terms.reduce((sum, term) => sum + (term.text && t.includes(term.text) ? term.weight : 0), 0);
      if (s > score) {
        score = s;
        best = c.key;
      }
    }
    return best;
  };

  return {
    category(value) {
      const v = normalize(value);
      if (!v) return null;
      return byKey.get(v) ?? byLabel.get(v) ?? guess(v);
    },
    guessCategory: guess,
    serviceCategory(serviceType) {
      const hit = SERVICE_TYPES.find(([re]) => re.test(serviceType));
      return hit ? hit[1] : null;
    },
    areaByName(value) {
      const v = normalize(value).replace(/(地区|地域|圏域)$/, "");
      return names.find((n) => n.key === v || n.key === toHiragana(v))?.area ?? null;
    },
    areaInAddress(address) {
      // 東京都板橋区蓮根… : the prefecture and the municipality come first and must not count (板橋区 is not the area 板橋).
      let v = normalize(address).replace(PREFECTURE, "");
      for (const m of municipalities) if (v.startsWith(m)) v = v.slice(m.length);
      v = v.replace(/^[^\d]{1,6}?[市区町村](?=[^\d])/, (x) => (names.some((n) => n.key === x) ? x : ""));
      return names.find((n) => n.key.length >= 2 && v.includes(n.key))?.area ?? null;
    },
    nearestArea(lat, lng) {
      let best: Area | null = null;
      let bestD = Infinity;
      for (const a of layer2) {
        if (a.lat === null || a.lng === null) continue;
        const d = distanceMeters({ lat, lng }, { lat: a.lat, lng: a.lng });
        if (d < bestD) {
          bestD = d;
          best = a;
        }
      }
      return bestD <= NEAREST_AREA_LIMIT_M ? best : null;
    },
  };
}
