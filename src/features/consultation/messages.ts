import { flex, text, type Message } from "../../line/messages.js";
import { resourceBubble } from "../search/messages.js";
import type { ResourceHit } from "../search/service.js";
import { MAIN_MENU } from "../welcome/messages.js";
import { displayPhone } from "../../util/phone.js";

export function consultationMessages(areaName: string, centre: ResourceHit): Message[] {
  const intro = `${areaName}の相談窓口は「${centre.name}」です。`;
  const what = centre.description.replace(/（架空のデモデータです）/, "").trim();
  return [
    text(`${intro}\n${what || "介護や暮らしの困りごとを無料で相談できます。"}\n受付：${centre.scheduleText || "お問い合わせください"}${centre.phone ? `\n電話：${displayPhone(centre.phone)}` : ""}`),
    flex(`${centre.name} 電話 ${displayPhone(centre.phone)}`, resourceBubble(centre), MAIN_MENU),
  ];
}

export function noConsultationMessages(areaName: string): Message[] {
  return [text(`${areaName}の相談窓口の情報がまだ登録されていません。区役所の高齢者の相談窓口にお問い合わせください。`, MAIN_MENU)];
}
