/**
 * Demo municipality modelled on the structure described for 板橋区:
 * layer 1 = the whole ward, 4 blocks, 18 layer-2 areas (日常生活圏域).
 * Centroids are plausible, not surveyed.
 */
export interface SeedArea {
  name: string;
  reading: string;
  block: string;
  lat: number;
  lng: number;
  aliases: string[];
}

export const MUNICIPALITY = { name: "板橋区", reading: "いたばしく", lat: 35.7512, lng: 139.7094 };

export const BLOCKS = [
  { name: "板橋地域", reading: "いたばしちいき", lat: 35.752, lng: 139.706 },
  { name: "上板橋地域", reading: "かみいたばしちいき", lat: 35.758, lng: 139.686 },
  { name: "志村地域", reading: "しむらちいき", lat: 35.778, lng: 139.685 },
  { name: "赤塚地域", reading: "あかつかちいき", lat: 35.776, lng: 139.652 },
];

export const AREAS: SeedArea[] = [
  { name: "板橋", reading: "いたばし", block: "板橋地域", lat: 35.749, lng: 139.714, aliases: ["板橋駅", "板橋町"] },
  { name: "熊野", reading: "くまの", block: "板橋地域", lat: 35.744, lng: 139.7, aliases: ["熊野町(くまのちょう)"] },
  { name: "仲宿", reading: "なかじゅく", block: "板橋地域", lat: 35.756, lng: 139.711, aliases: ["板橋本町(いたばしほんちょう)", "本町"] },
  { name: "仲町", reading: "なかちょう", block: "板橋地域", lat: 35.753, lng: 139.696, aliases: ["大山", "大山駅"] },
  { name: "富士見", reading: "ふじみ", block: "板橋地域", lat: 35.762, lng: 139.706, aliases: ["富士見町(ふじみちょう)", "大和町(やまとちょう)"] },
  { name: "大谷口", reading: "おおやぐち", block: "上板橋地域", lat: 35.745, lng: 139.683, aliases: ["向原", "小茂根"] },
  { name: "常盤台", reading: "ときわだい", block: "上板橋地域", lat: 35.759, lng: 139.688, aliases: ["ときわ台", "ときわ台駅", "上板橋"] },
  { name: "清水", reading: "しみず", block: "上板橋地域", lat: 35.77, lng: 139.7, aliases: ["清水町(しみずちょう)", "宮本町(みやもとちょう)"] },
  { name: "志村坂上", reading: "しむらさかうえ", block: "志村地域", lat: 35.776, lng: 139.695, aliases: ["志村", "坂上(さかうえ)", "小豆沢"] },
  { name: "中台", reading: "なかだい", block: "志村地域", lat: 35.78, lng: 139.682, aliases: ["若木"] },
  { name: "蓮根", reading: "はすね", block: "志村地域", lat: 35.7837, lng: 139.6787, aliases: ["坂下", "蓮根駅"] },
  { name: "舟渡", reading: "ふなど", block: "志村地域", lat: 35.792, lng: 139.683, aliases: ["新河岸(しんがし)"] },
  { name: "前野", reading: "まえの", block: "志村地域", lat: 35.77, lng: 139.688, aliases: ["前野町(まえのちょう)", "東坂下"] },
  { name: "桜川", reading: "さくらがわ", block: "赤塚地域", lat: 35.76, lng: 139.669, aliases: ["東新町(とうしんちょう)", "東山町(ひがしやまちょう)"] },
  { name: "下赤塚", reading: "しもあかつか", block: "赤塚地域", lat: 35.77, lng: 139.645, aliases: ["赤塚", "赤塚新町", "下赤塚駅"] },
  { name: "成増", reading: "なります", block: "赤塚地域", lat: 35.777, lng: 139.632, aliases: ["成増駅", "三園(みその)"] },
  { name: "徳丸", reading: "とくまる", block: "赤塚地域", lat: 35.778, lng: 139.66, aliases: ["西台", "四葉"] },
  { name: "高島平", reading: "たかしまだいら", block: "赤塚地域", lat: 35.7892, lng: 139.6614, aliases: ["高島平団地", "高島平駅", "西高島平", "新高島平"] },
];

export const CATEGORIES = [
  { key: "salon", label: "サロン・通いの場", kind: "place" },
  { key: "exercise", label: "体操・運動", kind: "place" },
  { key: "hobby", label: "趣味・学び", kind: "place" },
  { key: "meal", label: "食事会", kind: "place" },
  { key: "dementia_cafe", label: "認知症カフェ", kind: "place" },
  { key: "caregiver", label: "介護者の会", kind: "place" },
  { key: "meal_delivery", label: "配食", kind: "service" },
  { key: "shopping", label: "買い物支援", kind: "service" },
  { key: "transport", label: "移動・送迎", kind: "service" },
  { key: "housework", label: "家事支援", kind: "service" },
  { key: "watch", label: "見守り", kind: "service" },
  { key: "consultation", label: "相談窓口", kind: "consultation" },
] as const;
