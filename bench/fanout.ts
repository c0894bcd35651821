import { scratchDatabase } from "./support.js";
import { systemClock } from "../src/clock.js";
import { createBroadcast } from "../src/features/broadcasts/service.js";
import { Jobs } from "../src/jobs/jobs.js";
import { LineGateway } from "../src/line/client.js";
import { FakeLinePlatform } from "../src/line/fake-platform.js";
import { text } from "../src/line/messages.js";
import { silentLogger } from "../src/log.js";

/** An announcement to 10,000 recipients against a platform that allows 200 multicast calls per second. */
export async function benchFanout(recipients = 10_000): Promise<Record<string, number>> {
  const scratch = await scratchDatabase("fanout", { seed: false });
  const db = scratch.db;
  const platform = new FakeLinePlatform({ specFile: null, multicastPerSecond: 200 });
  const url = await platform.start();
  const line = new LineGateway({ db, logger: silentLogger, channelAccessToken: "x", baseUrl: url });
  const jobs = new Jobs({ db, line, logger: silentLogger, clock: systemClock, timeZone: "Asia/Tokyo", chunkIntervalMs: 10 });
  const ids = Array.from({ length: recipients }, (_, i) => `U${String(i).padStart(32, "0")}`);
  await createBroadcast(db, { createdBy: null, audience: { role: "residents", areaIds: [], label: "bench" }, messages: [text("お知らせ")], recipients: ids, urgent: true, sendAt: new Date() });
  const t0 = performance.now();
  await jobs.kick();
  const ms = performance.now() - t0;
  const calls = platform.calls.filter((c) => c.path.endsWith("multicast"));
  const delivered = calls.filter((c) => c.status === 200).flatMap((c) => c.body.to);
  await platform.stop();
  await scratch.dispose();
  return {
    recipients,
    "multicast calls made": calls.length,
    "rejected with 429": calls.filter((c) => c.status === 429).length,
    "time to complete, ms": Math.round(ms),
    "recipients delivered": new Set(delivered).size,
    "delivered more than once": delivered.length - new Set(delivered).size,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log("Announcement fan-out");
  console.table(await benchFanout());
  process.exit(0);
}
