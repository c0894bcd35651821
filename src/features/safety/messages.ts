import { card } from "../../line/flex.js";
import { flex, text, uriAction, type FlexComponent, type Message } from "../../line/messages.js";
import type { MunicipalitySettings, PhoneLine } from "../../settings/municipality.js";
import { displayPhone, telUri } from "../../util/phone.js";

/**
 * What a resident reads in an emergency or in despair: what to do first, and
 * every number written out beside its button. The wording is the
 * municipality's (intents/settings/municipality.yaml).
 */

function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => vars[k] ?? m);
}

function callButton(number: string, primary = false): FlexComponent {
  return {
    type: "button",
    style: primary ? "primary" : "secondary",
    height: "md",
    ...(primary ? { color: "#C0392B" } : {}),
    action: uriAction(`${displayPhone(number)}に電話する`, telUri(number)),
  };
}

function buttonsCard(title: string, lines: PhoneLine[], firstPrimary: boolean): Message {
  const buttons = lines.map((l, i) => callButton(l.number, firstPrimary && i === 0));
  const rows: FlexComponent[] = [
    { type: "text", text: title, weight: "bold", size: "lg" },
    ...lines.map((l): FlexComponent => ({ type: "text", text: `${l.name}　${displayPhone(l.number)}`, size: "md" })),
  ];
  return flex(`${title}：${lines.map((l) => `${l.name} ${displayPhone(l.number)}`).join("、")}`, card(rows, buttons));
}

export interface Centre {
  name: string;
  phone: string;
}

export function emergencyMessages(s: MunicipalitySettings, centre: Centre | null): Message[] {
  const w = s.wording;
  const out: Message[] = [text(fill(w.call, { number: s.emergency.number }))];
  const lines: PhoneLine[] = [{ name: "火事・救急車", number: s.emergency.number }];
  if (s.emergency.advice) {
    const a = s.emergency.advice;
    out.push(text(fill(w.advice, { name: a.name, number: displayPhone(a.number), hours: a.hours ?? "" }).replace("・）", "）")));
    lines.push(a);
  }
  if (centre) {
    out.push(text(fill(w.centre, { centre: centre.name, phone: displayPhone(centre.phone) })));
    lines.push({ name: centre.name, number: centre.phone });
  }
  out.push(buttonsCard("電話をかける", lines, true));
  return out;
}

export function despairMessages(s: MunicipalitySettings, centre: Centre | null): Message[] {
  const w = s.wording;
  const lines = s.despair.helplines.map((h) => `・${h.name}　${displayPhone(h.number)}${h.hours ? `（${h.hours}）` : ""}`).join("\n");
  const out: Message[] = [text(w.listen), text(fill(w.helplines, { lines, number: s.emergency.number }))];
  const buttons: PhoneLine[] = [...s.despair.helplines];
  if (centre) {
    out.push(text(fill(w.despairCentre, { centre: centre.name, phone: displayPhone(centre.phone) })));
    buttons.push({ name: centre.name, number: centre.phone });
  }
  out.push(buttonsCard("相談できる電話", buttons.slice(0, 4), false));
  return out;
}
