import { createInvitation } from "../../src/features/roles/service.js";
import type { TestApp } from "./test-app.js";
import { events } from "./webhooks.js";

/** Makes a user an SC of the given areas the way a real SC becomes one: an invitation code sent in LINE. */
export async function becomeSc(t: TestApp, userId: string, areaNames: string[] | "layer1"): Promise<void> {
  const areas = areaNames === "layer1" ? [] : await t.db.area.findMany({ where: { name: { in: areaNames } } });
  const inv = await createInvitation(t.db, { layer: areaNames === "layer1" ? 1 : 2, areaIds: areas.map((a) => a.id), now: t.clock.now() });
  await t.send(events.follow(userId));
  await t.send(events.text(userId, `SC登録 ${inv.code}`));
}

export function lastQuick(t: TestApp, userId: string, label: string): string {
  const msgs = t.messagesTo(userId);
  for (let i = msgs.length - 1; i >= 0; i--) {
    const item = msgs[i].quickReply?.items?.find((x: any) => x.action.label === label || x.action.label?.replace("✓", "") === label);
    if (item) return item.action.data ?? item.action.text;
  }
  throw new Error(`no quick reply "${label}" for ${userId}`);
}

/** Postback data of a Flex button with this label in the user's messages, newest first. */
export function flexButton(t: TestApp, userId: string, label: string): string {
  const msgs = [...t.messagesTo(userId)].reverse();
  for (const m of msgs) {
    const found: string[] = [];
    const walk = (n: any) => {
      if (!n || typeof n !== "object") return;
      if (n.type === "button" && n.action?.label === label && n.action.data) found.push(n.action.data);
      for (const v of Object.values(n)) walk(v);
    };
    walk(m);
    if (found.length) return found[0];
  }
  throw new Error(`no button "${label}" for ${userId}`);
}

/** A volunteer registers the way people type it in LINE: name, area, skills and times in words, no phone. */
export async function registerVolunteer(t: TestApp, userId: string, o: { name: string; area: string; skills: string; times?: string }): Promise<void> {
  await t.send(events.text(userId, "ボランティアをしたい"));
  await t.send(events.postback(userId, lastQuick(t, userId, "同意して進む")));
  await t.send(events.text(userId, o.name));
  await t.send(events.text(userId, o.area));
  await t.send(events.postback(userId, lastQuick(t, userId, "地域はこれで決定")));
  await t.send(events.text(userId, o.skills));
  await t.send(events.text(userId, o.times ?? "いつでも"));
  await t.send(events.postback(userId, lastQuick(t, userId, "登録しない")));
  await t.send(events.postback(userId, lastQuick(t, userId, "登録する")));
}
