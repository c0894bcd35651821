import { seededRandom } from "../../src/util/random.js";
import { AREAS, type SeedArea } from "./areas.js";

/**
 * Fictional demo resources: every name, phone number and address here is
 * invented (the description says so). Generated deterministically so the
 * seed is idempotent and tests can rely on it.
 */
export interface SeedResource {
  externalId: string;
  name: string;
  reading: string;
  categoryKey: string;
  area: string;
  description: string;
  venue: string;
  address: string;
  lat: number;
  lng: number;
  scheduleText: string;
  fee: string;
  target: string;
  organiser: string;
  phone: string;
  visibility: "public" | "sc_only";
}

const FICTION = "（架空のデモデータです）";

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

const PLACE_SCHEDULES = [
  "毎週水曜日 13:00~16:00",
  "毎週火曜日と金曜日の13:30~14:00",
  "第2・第4金曜日 9:30~11:30",
  "毎月第1,3木曜日、10時〜15時",
  "毎月第1~3水曜日(午前10時~午後3時)",
  "第1・3月曜(祝日の場合翌日開催)13時30分~15時30分",
  "奇数月・第3土曜 10:00~12:00",
  "毎月21日 13:30-15:30",
  "毎月1日と15日 10:00〜11:30",
  "毎月1日(土日祝日の場合は休み) 14:00~15:30",
  "第一火曜日を除く火曜日 10:00~11:30",
  "毎週月曜日 10:00~11:00（年末年始(12月29日～1月3日)を除く）",
  "第二・第四土曜日 午後1時30分～3時30分",
  "毎週月・水・金 9:30~10:30",
  "毎週木曜日 14:00~15:30",
  "第３火曜日　１０：００～１１：３０",
];
const UNCOMPUTABLE = ["隔週金曜日 10:00~11:00", "月2回開催（日程はお問い合わせください）", "月1回・不定"];
const EXERCISE_SCHEDULES = [
  "毎週月曜日 10:00~11:00",
  "毎週月曜日と木曜日の9:30~10:30",
  "毎週火曜日 10:00~11:00",
  "毎週金曜日 13:30~14:30",
  "第1・第3月曜日 午前10時~11時30分",
  "毎週水曜日 10:00~11:00(祝日は休み)",
];

interface Template {
  names: string[];
  venues: string[];
  schedules: string[];
  fees: string[];
  target: string;
  description: string;
  organiser: string;
}

const T: Record<string, Template> = {
  salon: {
    names: ["{a}ふれあいサロン", "いきいきサロン{a}", "{a}おしゃべり茶の間", "{a}いこいの居場所", "{a}ひだまり通いの場"],
    venues: ["{a}地域センター", "{a}集会所", "{a}ふれあい館", "{a}町会会館"],
    schedules: [...PLACE_SCHEDULES, ...UNCOMPUTABLE],
    fees: ["無料", "100円（お茶代）", "200円"],
    target: "おおむね65歳以上の方",
    description: "お茶を飲みながらおしゃべりや季節の行事を楽しむ集いの場です。",
    organiser: "{a}町会ボランティア",
  },
  exercise: {
    names: ["{a}いきいき体操クラブ", "10の筋トレ {a}", "{a}ころばん体操の会", "{a}ウォーキングの会"],
    venues: ["{a}地域センター", "{a}ふれあい館", "{a}公園集会所"],
    schedules: EXERCISE_SCHEDULES,
    fees: ["無料", "100円"],
    target: "どなたでも（椅子に座ってできます）",
    description: "椅子に座ってできる筋力アップ体操です。初めての方も歓迎です。",
    organiser: "{a}体操自主グループ",
  },
  hobby: {
    names: ["{a}脳トレ・囲碁の会", "{a}手芸クラブ", "{a}うたごえ広場", "{a}スマホ教室"],
    venues: ["{a}地域センター", "{a}図書館 集会室", "{a}集会所"],
    schedules: PLACE_SCHEDULES,
    fees: ["無料", "300円（材料費）", "200円"],
    target: "おおむね60歳以上の方",
    description: "趣味を通じて仲間づくりができる会です。",
    organiser: "{a}趣味の会",
  },
  meal: {
    names: ["{a}ふれあい食事会", "{a}みんなの食堂", "{a}ランチ会"],
    venues: ["{a}地域センター 調理室", "{a}集会所"],
    schedules: ["毎月第2火曜日 11:30~13:00", "毎月21日 11:30-13:30", "第1・3金曜日 正午~13:30", "毎月1日と15日 11:30〜13:00"],
    fees: ["300円", "400円", "500円"],
    target: "65歳以上の方（要予約）",
    description: "手作りのお昼ごはんを皆さんでいただきます。前日までに予約してください。",
    organiser: "{a}食事会ボランティア",
  },
  dementia_cafe: {
    names: ["オレンジカフェ{a}", "{a}ぬくもりカフェ"],
    venues: ["{a}地域センター", "特別養護老人ホーム{a}苑 地域交流室"],
    schedules: ["毎月第3土曜日 13:30~15:30", "第2・第4水曜日 14:00~16:00", "毎月第1木曜日 午後2時~4時"],
    fees: ["100円（お茶代）", "無料"],
    target: "認知症の方、ご家族、地域の方どなたでも",
    description: "認知症の方やご家族、地域の方が気軽に集まり、専門職にも相談できるカフェです。",
    organiser: "おとしより相談センター{a}",
  },
  caregiver: {
    names: ["{a}介護者のつどい", "{a}家族介護者の会"],
    venues: ["{a}地域センター", "おとしより相談センター{a} 相談室"],
    schedules: ["毎月第2水曜日 13:30~15:00", "奇数月・第3土曜 10:00~12:00", "毎月第4金曜日 14:00~15:30"],
    fees: ["無料"],
    target: "ご家族を介護している方",
    description: "介護をしている方同士で気持ちを話し合える会です。",
    organiser: "おとしより相談センター{a}",
  },
  meal_delivery: {
    names: ["{a}配食サービス（まごころ弁当）", "{a}お弁当お届けサービス"],
    venues: ["ご自宅へお届け"],
    schedules: ["毎週月曜日から土曜日 11:00~12:00", "平日 11:30~13:00"],
    fees: ["1食 550円", "1食 600円"],
    target: "65歳以上で調理が難しい方",
    description: "栄養バランスのよいお弁当をご自宅に届け、手渡しで安否も確認します。",
    organiser: "{a}配食ボランティアの会",
  },
  shopping: {
    names: ["{a}お買い物バス", "{a}買い物付き添いサービス"],
    venues: ["{a}地域センター前から出発"],
    schedules: ["毎週木曜日 10:00~12:00", "第1・第3火曜日 13:00~15:00"],
    fees: ["無料", "1回 200円"],
    target: "買い物に行くのが難しい方",
    description: "近くのスーパーまでの買い物をお手伝いします。",
    organiser: "{a}買い物支援の会",
  },
  transport: {
    names: ["{a}おでかけ送迎", "{a}通院付き添いサービス"],
    venues: ["ご自宅までお迎え"],
    schedules: ["平日 9:00~16:00（要予約）", "毎週火曜日と金曜日の9:00~12:00"],
    fees: ["1回 300円", "1回 500円"],
    target: "ひとりで外出するのが不安な方",
    description: "通院や買い物、サロンへの移動を送迎します。",
    organiser: "{a}移動支援の会",
  },
  housework: {
    names: ["{a}ちょこっと家事サポート", "{a}困りごとお手伝い隊"],
    venues: ["ご自宅へ伺います"],
    schedules: ["平日 9:00~17:00（要予約）", "随時（要予約）"],
    fees: ["30分 300円", "1時間 500円"],
    target: "65歳以上の方",
    description: "電球交換、ゴミ出し、草取りなどのちょっとした家事をお手伝いします。",
    organiser: "{a}有償ボランティアの会",
  },
  watch: {
    names: ["{a}見守りネットワーク", "{a}声かけ訪問"],
    venues: ["ご自宅へ訪問・お電話"],
    schedules: ["毎週水曜日 10:00~12:00", "随時"],
    fees: ["無料"],
    target: "ひとり暮らし・高齢者のみの世帯の方",
    description: "定期的な訪問やお電話で、変わりがないか見守ります。",
    organiser: "{a}町会・民生委員",
  },
};

const ROTATION = ["hobby", "meal", "dementia_cafe", "caregiver", "meal_delivery", "shopping", "transport", "housework", "watch"];

function townOf(area: SeedArea): string {
  return area.name;
}

function fill(s: string, a: SeedArea): string {
  return s.replaceAll("{a}", a.name);
}

function phone(r: () => number): string {
  const n = (k: number) => String(Math.floor(r() * 10 ** k)).padStart(k, "0");
  return `03-59${n(2)}-${n(4)}`;
}

function toHiragana(s: string): string {
  return s.replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
}

/** Kana reading of a generated name: area reading plus the template's kana, kanji parts kept only as the area. */
const NAME_READINGS: Record<string, string> = {
  ふれあいサロン: "ふれあいさろん", いきいきサロン: "いきいきさろん", おしゃべり茶の間: "おしゃべりちゃのま",
  いこいの居場所: "いこいのいばしょ", ひだまり通いの場: "ひだまりかよいのば", いきいき体操クラブ: "いきいきたいそうくらぶ",
  "10の筋トレ ": "とおのきんとれ", ころばん体操の会: "ころばんたいそうのかい", ウォーキングの会: "うぉーきんぐのかい",
  "脳トレ・囲碁の会": "のうとれいごのかい", 手芸クラブ: "しゅげいくらぶ", うたごえ広場: "うたごえひろば", スマホ教室: "すまほきょうしつ",
  ふれあい食事会: "ふれあいしょくじかい", みんなの食堂: "みんなのしょくどう", ランチ会: "らんちかい",
  オレンジカフェ: "おれんじかふぇ", ぬくもりカフェ: "ぬくもりかふぇ", 介護者のつどい: "かいごしゃのつどい",
  家族介護者の会: "かぞくかいごしゃのかい", "配食サービス（まごころ弁当）": "はいしょくさーびすまごころべんとう",
  お弁当お届けサービス: "おべんとうおとどけさーびす", お買い物バス: "おかいものばす", 買い物付き添いサービス: "かいものつきそいさーびす",
  おでかけ送迎: "おでかけそうげい", 通院付き添いサービス: "つういんつきそいさーびす", ちょこっと家事サポート: "ちょこっとかじさぽーと",
  困りごとお手伝い隊: "こまりごとおてつだいたい", 見守りネットワーク: "みまもりねっとわーく", 声かけ訪問: "こえかけほうもん",
};

function readingOf(template: string, area: SeedArea): string {
  const rest = template.replace("{a}", "");
  const kana = NAME_READINGS[rest] ?? toHiragana(rest);
  return template.startsWith("{a}") ? area.reading + kana : kana + area.reading;
}

function build(area: SeedArea, areaIndex: number, key: string, n: number, r: () => number): SeedResource {
  const t = T[key];
  const nameT = t.names[(areaIndex + n) % t.names.length];
  const homeBased = key === "salon" && n === 1 && areaIndex % 3 === 0;
  const venue = homeBased ? "個人宅（お申し込み時にご案内します）" : fill(pick(r, t.venues), area);
  const schedules = key === "exercise" ? EXERCISE_SCHEDULES : t.schedules;
  return {
    externalId: `demo-${areaIndex + 1}-${key}-${n}`,
    name: fill(nameT, area),
    reading: readingOf(nameT, area),
    categoryKey: key,
    area: area.name,
    description: `${t.description}${FICTION}`,
    venue,
    address: `板橋区${townOf(area)}${1 + Math.floor(r() * 4)}丁目${1 + Math.floor(r() * 30)}番${1 + Math.floor(r() * 20)}号`,
    lat: Number((area.lat + (r() - 0.5) * 0.012).toFixed(6)),
    lng: Number((area.lng + (r() - 0.5) * 0.012).toFixed(6)),
    scheduleText: schedules[(areaIndex * 3 + n * 5 + Math.floor(r() * schedules.length)) % schedules.length],
    fee: pick(r, t.fees),
    target: t.target,
    organiser: fill(t.organiser, area),
    phone: phone(r),
    visibility: homeBased ? "sc_only" : "public",
  };
}

function consultation(area: SeedArea, areaIndex: number, r: () => number): SeedResource {
  return {
    externalId: `demo-${areaIndex + 1}-consultation-0`,
    name: `おとしより相談センター${area.name}`,
    reading: `おとしよりそうだんせんたー${area.reading}`,
    categoryKey: "consultation",
    area: area.name,
    description:
      `${area.name}地区の地域包括支援センターです。介護保険の申請、介護予防、認知症、権利擁護、暮らしの困りごとの相談を無料でお受けします。${FICTION}`,
    venue: `おとしより相談センター${area.name}`,
    address: `板橋区${townOf(area)}${1 + Math.floor(r() * 4)}丁目${1 + Math.floor(r() * 30)}番${1 + Math.floor(r() * 20)}号`,
    lat: Number((area.lat + (r() - 0.5) * 0.004).toFixed(6)),
    lng: Number((area.lng + (r() - 0.5) * 0.004).toFixed(6)),
    scheduleText: "平日 8:30~17:15（祝日・年末年始(12月29日～1月3日)を除く）",
    fee: "無料",
    target: `${area.name}地区にお住まいの65歳以上の方とご家族`,
    organiser: "板橋区（委託）",
    phone: phone(r),
    visibility: "public",
  };
}

export function demoResources(): SeedResource[] {
  const out: SeedResource[] = [];
  AREAS.forEach((area, i) => {
    const r = seededRandom(1000 + i);
    out.push(consultation(area, i, r));
    out.push(build(area, i, "salon", 0, r), build(area, i, "salon", 1, r), build(area, i, "exercise", 0, r));
    for (let k = 0; k < 5; k++) out.push(build(area, i, ROTATION[(i + k) % ROTATION.length], 0, r));
  });
  return out;
}
