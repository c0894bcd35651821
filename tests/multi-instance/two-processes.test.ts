import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createPrisma } from "../../src/data/client.js";
import { createBroadcast } from "../../src/features/broadcasts/service.js";
import { createMeeting } from "../../src/features/meetings/service.js";
import { FakeLinePlatform } from "../../src/line/fake-platform.js";
import { text } from "../../src/line/messages.js";
import { signBody } from "../../src/line/signature.js";
import { startBotProcess, type BotProcess } from "../support/bot-process.js";
import { newTestDatabase, testProvider } from "../support/database.js";
import { startRoundRobin } from "../support/round-robin.js";
import { callbackBody, events } from "../support/webhooks.js";

/**
 * Two real bot processes on one database behind a round-robin load balancer,
 * as a multi-city deployment runs them. Part of `npm run test:pg`: several
 * processes share a database only on PostgreSQL (SQLite is one process).
 */
const SECRET = "process-test-secret";
const uid = (n: number) => `U${String(n).padStart(32, "0")}`;
const accepted = (line: FakeLinePlatform, p: string) => line.calls.filter((c) => c.path.endsWith(p) && c.status === 200);

describe("two bot processes on one PostgreSQL behind a round-robin proxy", () => {
  let databaseUrl: string;
  let line: FakeLinePlatform;
  let bots: BotProcess[] = [];
  beforeEach(async () => {
    expect(testProvider()).toBe("postgresql");
    databaseUrl = await newTestDatabase();
    line = new FakeLinePlatform();
    await line.start();
  });
  afterEach(async () => {
    for (const b of bots) b.proc.kill("SIGTERM");
    await Promise.all(bots.map((b) => b.exited));
    bots = [];
    await line.stop();
  });

  const start = async (n: number) => {
    bots = await Promise.all(Array.from({ length: n }, () => startBotProcess({ databaseUrl, lineUrl: line.url })));
    return bots;
  };
  const post = async (url: string, evs: object[]) => {
    const body = JSON.stringify(callbackBody(evs));
    const res = await fetch(`${url}/webhook`, { method: "POST", headers: { "content-type": "application/json", "x-line-signature": signBody(SECRET, body) }, body });
    return res.status;
  };

  it("handles each event once, one person's messages in the order sent, and a redelivery to the other process not again", async () => {
    const [a, b] = await start(2);
    const proxy = await startRoundRobin([a.port, b.port]);
    try {
      // The first answers are slow: while one process is still answering a person, their next message reaches the other one.
      line.inject({ path: "/reply", delayMs: 300, times: 3 });
      const t0 = Date.now();
      // Three people, two processes: in turn, each person's next message reaches the other process.
      const people = [uid(901), uid(902), uid(903)];
      const sent: { user: string; ev: any }[] = [];
      for (let i = 0; i < 8; i++) {
        for (const user of people) {
          const ev: any = { ...events.text(user, i % 2 ? "こんにちは" : "蓮根のサロン"), timestamp: t0 + i };
          line.replyTokenOwners.set(ev.replyToken, user);
          sent.push({ user, ev });
          expect(await post(proxy.url, [ev])).toBe(200);
        }
      }
      await line.waitFor((calls) => calls.filter((c) => c.path.endsWith("/reply") && c.status === 200).length >= sent.length, 30_000);
      // LINE redelivers every event, each to the process that did not get it first.
      let n = 0;
      for (const { ev } of sent) {
        const again = { ...ev, deliveryContext: { isRedelivery: true } };
        expect(await post(`http://127.0.0.1:${(n++ % 2 ? a : b).port}`, [again])).toBe(200);
      }
      await new Promise((r) => setTimeout(r, 1500));
      const replies = accepted(line, "/reply").map((c) => c.body.replyToken as string);
      expect(replies).toHaveLength(sent.length);
      expect(new Set(replies).size).toBe(sent.length);
      for (const user of people) {
        const order = sent.filter((s) => s.user === user).map((s) => s.ev.replyToken);
        expect(replies.filter((r) => line.replyTokenOwners.get(r) === user)).toEqual(order);
      }
      // Both processes did part of the work, and every event is recorded as handled.
      expect(a.output.join("\n") + b.output.join("\n")).not.toMatch(/"level":"error"/);
      const db = await createPrisma(databaseUrl);
      try {
        expect(await db.processedEvent.groupBy({ by: ["status"], _count: { _all: true } })).toEqual([{ status: "done", _count: { _all: sent.length } }]);
        expect(await db.sourceLease.count()).toBe(0);
      } finally {
        await db.$disconnect();
      }
    } finally {
      await proxy.close();
    }
  }, 90_000);

  it("sends a 3,000-recipient announcement and a meeting's reminders exactly once when both processes run the jobs", async () => {
    const db = await createPrisma(databaseUrl);
    const recipients = Array.from({ length: 3000 }, (_, i) => uid(i + 1));
    await createBroadcast(db, { createdBy: null, audience: { role: "residents", areaIds: [], label: "test" }, messages: [text("お知らせです")], recipients, urgent: true, sendAt: new Date(Date.now() - 60_000) });
    const area = await db.area.findUniqueOrThrow({ where: { name: "蓮根" } });
    await db.user.createMany({ data: Array.from({ length: 60 }, (_, i) => ({ lineUserId: uid(5000 + i), homeAreaId: area.id })) });
    const users = await db.user.findMany({ where: { homeAreaId: area.id } });
    await db.councilMember.createMany({ data: users.map((u) => ({ userId: u.id, areaId: area.id })) });
    await createMeeting(db, { kind: "協議体（第2層）", title: "臨時の協議体", areaIds: [area.id], venue: "蓮根地域センター", address: "", startsAt: new Date(Date.now() + 3 * 3600_000), agenda: [], audience: "council" }, "Asia/Tokyo");
    const planned = (await db.reminder.groupBy({ by: ["meetingId", "userId"] })).length;
    await db.$disconnect();
    line.inject({ path: "multicast", delayMs: 50, times: 100 });
    line.inject({ path: "/push", delayMs: 10, times: 1000 });
    await start(2);
    await line.waitFor(
      (calls) =>
        new Set(calls.filter((c) => c.path.endsWith("multicast") && c.status === 200).flatMap((c) => c.body.to)).size >= 3000 &&
        calls.filter((c) => c.path.endsWith("/push") && c.status === 200).length >= planned,
      30_000,
    );
    await new Promise((r) => setTimeout(r, 1000));
    const multicastTo = accepted(line, "multicast").flatMap((c) => c.body.to as string[]);
    expect(multicastTo).toHaveLength(3000);
    expect(new Set(multicastTo).size).toBe(3000);
    const reminders = accepted(line, "/push").map((c) => c.body.to);
    expect(reminders).toHaveLength(planned);
    expect(new Set(reminders).size).toBe(planned);
  }, 90_000);
});
