import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createPrisma } from "../../src/data/client.js";
import { createBroadcast } from "../../src/features/broadcasts/service.js";
import { createMeeting } from "../../src/features/meetings/service.js";
import { FakeLinePlatform } from "../../src/line/fake-platform.js";
import { text } from "../../src/line/messages.js";
import { newTestDatabase } from "../support/database.js";
import { startBotProcess } from "../support/bot-process.js";

const uid = (n: number) => `U${String(n).padStart(32, "0")}`;
const accepted = (line: FakeLinePlatform, p: string) => line.calls.filter((c) => c.path.endsWith(p) && c.status === 200);

describe("crash safety of a real bot process", () => {
  let databaseUrl: string;
  let line: FakeLinePlatform;
  beforeEach(async () => {
    databaseUrl = await newTestDatabase();
    line = new FakeLinePlatform();
    await line.start();
  });
  afterEach(async () => {
    await line.stop();
  });

  async function announcement(count: number) {
    const db = await createPrisma(databaseUrl);
    const recipients = Array.from({ length: count }, (_, i) => uid(i + 1));
    await createBroadcast(db, { createdBy: null, audience: { role: "residents", areaIds: [], label: "test" }, messages: [text("お知らせです")], recipients, urgent: true, sendAt: new Date(Date.now() - 60_000) });
    await db.$disconnect();
  }

  function expectEachOnce(recipients: string[], total: number) {
    const seen = new Map<string, number>();
    for (const r of recipients) seen.set(r, (seen.get(r) ?? 0) + 1);
    expect(seen.size).toBe(total);
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
  }

  it("SIGKILL in the middle of a 10,000-recipient announcement: after a restart every recipient got it exactly once", async () => {
    await announcement(10_000);
    line.inject({ path: "multicast", delayMs: 60, times: 100 });
    const first = await startBotProcess({ databaseUrl, lineUrl: line.url });
    await line.waitFor((calls) => calls.filter((c) => c.path.endsWith("multicast") && c.status === 200).length >= 5, 15_000);
    first.proc.kill("SIGKILL");
    await first.exited;
    const before = accepted(line, "multicast").length;
    expect(before).toBeLessThan(20);
    line.clearFaults();
    const second = await startBotProcess({ databaseUrl, lineUrl: line.url });
    await line.waitFor((calls) => new Set(calls.filter((c) => c.path.endsWith("multicast") && c.status === 200).flatMap((c) => c.body.to)).size >= 10_000, 20_000);
    second.proc.kill("SIGTERM");
    expect(await second.exited).toBe(0);
    expectEachOnce(accepted(line, "multicast").flatMap((c) => c.body.to), 10_000);
  }, 60_000);

  it("SIGTERM finishes the chunk in hand and exits cleanly; a restart sends the rest, each recipient once", async () => {
    await announcement(5_000);
    line.inject({ path: "multicast", delayMs: 80, times: 100 });
    const first = await startBotProcess({ databaseUrl, lineUrl: line.url });
    await line.waitFor((calls) => calls.filter((c) => c.path.endsWith("multicast") && c.status === 200).length >= 2, 15_000);
    first.proc.kill("SIGTERM");
    expect(await first.exited).toBe(0);
    const db = await createPrisma(databaseUrl);
    expect(await db.broadcastChunk.count({ where: { status: "sending" } })).toBe(0);
    const remaining = await db.broadcastChunk.count({ where: { status: "pending" } });
    await db.$disconnect();
    expect(remaining).toBeGreaterThan(0);
    line.clearFaults();
    const second = await startBotProcess({ databaseUrl, lineUrl: line.url });
    await line.waitFor((calls) => new Set(calls.filter((c) => c.path.endsWith("multicast") && c.status === 200).flatMap((c) => c.body.to)).size >= 5_000, 20_000);
    second.proc.kill("SIGTERM");
    await second.exited;
    expectEachOnce(accepted(line, "multicast").flatMap((c) => c.body.to), 5_000);
  }, 60_000);

  it("SIGKILL in the middle of a reminder run: after a restart every member got the reminder exactly once", async () => {
    const db = await createPrisma(databaseUrl);
    const area = await db.area.findUniqueOrThrow({ where: { name: "蓮根" } });
    await db.user.createMany({ data: Array.from({ length: 150 }, (_, i) => ({ lineUserId: uid(i + 1), homeAreaId: area.id })) });
    const users = await db.user.findMany({ where: { homeAreaId: area.id } });
    await db.councilMember.createMany({ data: users.map((u) => ({ userId: u.id, areaId: area.id })) });
    // Starts in two hours: the 7-day and 1-day reminders are overdue and still due.
    await createMeeting(db, { kind: "協議体（第2層）", title: "臨時の協議体", areaIds: [area.id], venue: "蓮根地域センター", address: "", startsAt: new Date(Date.now() + 3 * 3600_000), agenda: [], audience: "council" }, "Asia/Tokyo");
    // Both overdue reminders of a member are due at once: only the latest goes out, once per member.
    const planned = (await db.reminder.groupBy({ by: ["meetingId", "userId"] })).length;
    await db.$disconnect();
    line.inject({ path: "/push", delayMs: 15, times: 10_000 });
    const first = await startBotProcess({ databaseUrl, lineUrl: line.url });
    await line.waitFor((calls) => calls.filter((c) => c.path.endsWith("/push") && c.status === 200).length >= 40, 15_000);
    first.proc.kill("SIGKILL");
    await first.exited;
    line.clearFaults();
    const second = await startBotProcess({ databaseUrl, lineUrl: line.url });
    await line.waitFor((calls) => calls.filter((c) => c.path.endsWith("/push") && c.status === 200).length >= planned, 20_000);
    second.proc.kill("SIGTERM");
    await second.exited;
    const keys = accepted(line, "/push").map((c) => `${c.body.to}|${c.body.messages[0].altText}`);
    expect(keys.length).toBe(planned);
    expect(new Set(keys).size).toBe(planned);
  }, 60_000);
});
